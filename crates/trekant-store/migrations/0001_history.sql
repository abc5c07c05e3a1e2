-- The history of finished tasks: what was estimated and what it took, in hours.
-- One item of one project finished on one day is one task, so re-importing a file adds
-- nothing twice.
CREATE TABLE task (
    id       INTEGER PRIMARY KEY,
    project  TEXT NOT NULL CHECK (project <> ''),
    item     TEXT NOT NULL CHECK (item <> ''),
    category TEXT,
    low      REAL CHECK (low IS NULL OR low >= 0),
    likely   REAL NOT NULL CHECK (likely > 0),
    high     REAL CHECK (high IS NULL OR high >= likely),
    actual   REAL NOT NULL CHECK (actual >= 0),
    finished TEXT NOT NULL,              -- ISO date, YYYY-MM-DD
    UNIQUE (project, item, finished)
);

CREATE INDEX task_finished ON task (finished);
