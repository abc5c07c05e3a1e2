-- Projects being worked on: the accepted scope with its estimates, the hours logged against
-- each item, and the change requests priced along the way.
CREATE TABLE project (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL CHECK (name <> ''),
    started TEXT NOT NULL,               -- ISO date
    closed  TEXT                         -- ISO date; NULL while the project is open
);

-- A name may be reused once the earlier project is closed.
CREATE UNIQUE INDEX project_open_name ON project (name) WHERE closed IS NULL;

CREATE TABLE project_item (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES project (id),
    item       TEXT NOT NULL CHECK (item <> ''),
    title      TEXT,
    category   TEXT,
    low        REAL CHECK (low IS NULL OR low >= 0),
    likely     REAL NOT NULL CHECK (likely > 0),
    high       REAL CHECK (high IS NULL OR high >= likely),
    UNIQUE (project_id, item)
);

CREATE TABLE time_entry (
    id              INTEGER PRIMARY KEY,
    project_item_id INTEGER NOT NULL REFERENCES project_item (id),
    day             TEXT NOT NULL,       -- ISO date
    hours           REAL NOT NULL CHECK (hours > 0),
    note            TEXT
);

CREATE INDEX time_entry_item ON time_entry (project_item_id);

CREATE TABLE change_request (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES project (id),
    title           TEXT NOT NULL CHECK (title <> ''),
    category        TEXT,
    low             REAL,
    likely          REAL NOT NULL CHECK (likely > 0),
    high            REAL,
    price           REAL,
    accepted        INTEGER NOT NULL CHECK (accepted IN (0, 1)),
    recorded        TEXT NOT NULL,       -- ISO date
    -- the item an accepted change added to the project, so its hours are tracked too
    project_item_id INTEGER REFERENCES project_item (id)
);
