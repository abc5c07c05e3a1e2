-- The team's briefs: on a team server they live here, not in files. A brief belongs to the
-- team (every member works on it); each save is a new version with its text, entity tag,
-- author and time, and a brief's row points at its latest version. Saving locks the brief's
-- row (SELECT … FOR UPDATE) and compares the entity tag the client read with the latest's,
-- so two saves from the same version cannot both win.
CREATE TABLE brief (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- a plain file name ending in .toml, so every brief can be exported as that file
    name    TEXT NOT NULL UNIQUE CHECK (name LIKE '_%.toml'),
    latest  INTEGER NOT NULL CHECK (latest >= 1),
    created TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE brief_version (
    brief_id    BIGINT NOT NULL REFERENCES brief (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL CHECK (version >= 1),
    text        TEXT NOT NULL,
    etag        TEXT NOT NULL CHECK (etag <> ''),
    -- who saved it: NULL for a version imported without a person (`trekant db import`), or
    -- after that person was removed; their name as it was then stays in author_name
    author      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT,
    saved       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (brief_id, version)
);
