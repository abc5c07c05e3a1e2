-- Every row has an owner (a user id; "local" for the CLI), so one database or server can
-- hold many users' data. Rows written before this migration belong to "local".
-- The history's uniqueness is per owner, so the task table is rebuilt (SQLite cannot alter
-- a constraint); the other tables gain the column. A project's items, time entries and
-- change requests carry the owner of their project.
CREATE TABLE task_owned (
    id       INTEGER PRIMARY KEY,
    owner    TEXT NOT NULL DEFAULT 'local' CHECK (owner <> ''),
    project  TEXT NOT NULL CHECK (project <> ''),
    item     TEXT NOT NULL CHECK (item <> ''),
    category TEXT,
    low      REAL CHECK (low IS NULL OR low >= 0),
    likely   REAL NOT NULL CHECK (likely > 0),
    high     REAL CHECK (high IS NULL OR high >= likely),
    actual   REAL NOT NULL CHECK (actual >= 0),
    finished TEXT NOT NULL,              -- ISO date, YYYY-MM-DD
    UNIQUE (owner, project, item, finished)
);

INSERT INTO task_owned (id, owner, project, item, category, low, likely, high, actual, finished)
SELECT id, 'local', project, item, category, low, likely, high, actual, finished FROM task;

DROP TABLE task;
ALTER TABLE task_owned RENAME TO task;
CREATE INDEX task_finished ON task (owner, finished);

ALTER TABLE project ADD COLUMN owner TEXT NOT NULL DEFAULT 'local' CHECK (owner <> '');
DROP INDEX project_open_name;
CREATE UNIQUE INDEX project_open_name ON project (owner, name) WHERE closed IS NULL;
ALTER TABLE project_item ADD COLUMN owner TEXT NOT NULL DEFAULT 'local' CHECK (owner <> '');
ALTER TABLE time_entry ADD COLUMN owner TEXT NOT NULL DEFAULT 'local' CHECK (owner <> '');
ALTER TABLE change_request ADD COLUMN owner TEXT NOT NULL DEFAULT 'local' CHECK (owner <> '');

-- Offers the client accepted: what was sold, per item, for how much and by when.
CREATE TABLE accepted_offer (
    id        INTEGER PRIMARY KEY,
    owner     TEXT NOT NULL CHECK (owner <> ''),
    number    TEXT NOT NULL CHECK (number <> ''),
    brief     TEXT NOT NULL CHECK (brief <> ''),
    option    TEXT NOT NULL CHECK (option <> ''),
    total     REAL NOT NULL CHECK (total >= 0),
    delivery  TEXT NOT NULL,             -- ISO date
    accepted  TEXT NOT NULL,             -- ISO date
    UNIQUE (owner, number)
);

CREATE TABLE accepted_offer_item (
    owner     TEXT NOT NULL CHECK (owner <> ''),
    offer_id  INTEGER NOT NULL REFERENCES accepted_offer (id),
    position  INTEGER NOT NULL,
    item      TEXT NOT NULL CHECK (item <> ''),
    price     REAL NOT NULL CHECK (price >= 0),
    PRIMARY KEY (offer_id, position)
);
