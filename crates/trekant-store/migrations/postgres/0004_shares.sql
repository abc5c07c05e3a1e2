-- Offer links a client opens without logging in (`/offer/<token>`): the offer as it was
-- shared (a snapshot: later edits of the brief change nothing), and what accepting it records
-- into the sharer's history. Only the SHA-256 of the link's token is kept, as for sessions.
CREATE TABLE shares (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash    BYTEA NOT NULL UNIQUE,
    -- the person who shared it (`users.id` as text): the accepted offer goes into their history
    owner         TEXT NOT NULL CHECK (owner <> ''),
    brief         TEXT NOT NULL CHECK (brief <> ''),   -- the brief's name when it was shared
    lang          TEXT NOT NULL CHECK (lang <> ''),
    html          TEXT NOT NULL,                       -- the offer exactly as the client sees it
    html_sha256   BYTEA NOT NULL,
    summary       TEXT NOT NULL,                       -- the option, price and delivery, in words
    -- the offer accepting records (as accepted_offer) ...
    number        TEXT NOT NULL CHECK (number <> ''),
    project       TEXT NOT NULL CHECK (project <> ''),
    option        TEXT NOT NULL CHECK (option <> ''),
    total         DOUBLE PRECISION NOT NULL CHECK (total >= 0),
    delivery      DATE NOT NULL,
    created       TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires       TIMESTAMPTZ NOT NULL,
    -- ... and, once the client said yes: who, when, from which address, under which number
    accepted_at   TIMESTAMPTZ,
    accepted_by   TEXT CHECK (accepted_by <> ''),
    accepted_from TEXT,
    recorded_as   TEXT,
    CHECK ((accepted_at IS NULL) = (accepted_by IS NULL))
);

CREATE INDEX shares_owner ON shares (owner);

-- The offer's priced items (as accepted_offer_item).
CREATE TABLE share_offer_item (
    share_id BIGINT NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item     TEXT NOT NULL CHECK (item <> ''),
    price    DOUBLE PRECISION NOT NULL CHECK (price >= 0),
    PRIMARY KEY (share_id, position)
);

-- The scope tracking starts with (as project_item).
CREATE TABLE share_tracked_item (
    share_id BIGINT NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item     TEXT NOT NULL CHECK (item <> ''),
    title    TEXT,
    category TEXT,
    low      DOUBLE PRECISION CHECK (low IS NULL OR low >= 0),
    likely   DOUBLE PRECISION NOT NULL CHECK (likely > 0),
    high     DOUBLE PRECISION CHECK (high IS NULL OR high >= likely),
    PRIMARY KEY (share_id, position)
);
