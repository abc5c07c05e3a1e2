-- trekant's store in PostgreSQL: the same tables as the SQLite store (migrations/*.sql), in
-- PostgreSQL's types: dates are DATE, hours and money DOUBLE PRECISION, ids identities.
-- Every row has an owner: a user id (`users.id` as text) on a team server, "local" for the CLI.

-- The history of finished tasks: what was estimated and what it took, in hours. One item of
-- one project finished on one day is one task, per owner.
CREATE TABLE task (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner    TEXT NOT NULL CHECK (owner <> ''),
    project  TEXT NOT NULL CHECK (project <> ''),
    item     TEXT NOT NULL CHECK (item <> ''),
    category TEXT,
    low      DOUBLE PRECISION CHECK (low IS NULL OR low >= 0),
    likely   DOUBLE PRECISION NOT NULL CHECK (likely > 0),
    high     DOUBLE PRECISION CHECK (high IS NULL OR high >= likely),
    actual   DOUBLE PRECISION NOT NULL CHECK (actual >= 0),
    finished DATE NOT NULL,
    UNIQUE (owner, project, item, finished)
);

CREATE INDEX task_finished ON task (owner, finished);

-- Projects being worked on: the accepted scope with its estimates, the hours logged against
-- each item, and the change requests priced along the way.
CREATE TABLE project (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner   TEXT NOT NULL CHECK (owner <> ''),
    name    TEXT NOT NULL CHECK (name <> ''),
    started DATE NOT NULL,
    closed  DATE                         -- NULL while the project is open
);

-- A name may be reused once the earlier project is closed.
CREATE UNIQUE INDEX project_open_name ON project (owner, name) WHERE closed IS NULL;

CREATE TABLE project_item (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner      TEXT NOT NULL CHECK (owner <> ''),
    project_id BIGINT NOT NULL REFERENCES project (id),
    item       TEXT NOT NULL CHECK (item <> ''),
    title      TEXT,
    category   TEXT,
    low        DOUBLE PRECISION CHECK (low IS NULL OR low >= 0),
    likely     DOUBLE PRECISION NOT NULL CHECK (likely > 0),
    high       DOUBLE PRECISION CHECK (high IS NULL OR high >= likely),
    done       DATE,                     -- the day it was marked finished; NULL while work goes on
    UNIQUE (project_id, item)
);

CREATE TABLE time_entry (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner           TEXT NOT NULL CHECK (owner <> ''),
    project_item_id BIGINT NOT NULL REFERENCES project_item (id),
    day             DATE NOT NULL,
    hours           DOUBLE PRECISION NOT NULL CHECK (hours > 0),
    note            TEXT
);

CREATE INDEX time_entry_item ON time_entry (project_item_id);

CREATE TABLE change_request (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner           TEXT NOT NULL CHECK (owner <> ''),
    project_id      BIGINT NOT NULL REFERENCES project (id),
    title           TEXT NOT NULL CHECK (title <> ''),
    category        TEXT,
    low             DOUBLE PRECISION,
    likely          DOUBLE PRECISION NOT NULL CHECK (likely > 0),
    high            DOUBLE PRECISION,
    price           DOUBLE PRECISION,
    accepted        BOOLEAN NOT NULL,
    recorded        DATE NOT NULL,
    -- the item an accepted change added to the project, so its hours are tracked too
    project_item_id BIGINT REFERENCES project_item (id)
);

CREATE INDEX change_request_project ON change_request (project_id);

-- Offers the client accepted: what was sold, per item, for how much and by when.
CREATE TABLE accepted_offer (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner    TEXT NOT NULL CHECK (owner <> ''),
    number   TEXT NOT NULL CHECK (number <> ''),
    brief    TEXT NOT NULL CHECK (brief <> ''),
    option   TEXT NOT NULL CHECK (option <> ''),
    total    DOUBLE PRECISION NOT NULL CHECK (total >= 0),
    delivery DATE NOT NULL,
    accepted DATE NOT NULL,
    UNIQUE (owner, number)
);

CREATE TABLE accepted_offer_item (
    owner    TEXT NOT NULL CHECK (owner <> ''),
    offer_id BIGINT NOT NULL REFERENCES accepted_offer (id),
    position INTEGER NOT NULL,
    item     TEXT NOT NULL CHECK (item <> ''),
    price    DOUBLE PRECISION NOT NULL CHECK (price >= 0),
    PRIMARY KEY (offer_id, position)
);
