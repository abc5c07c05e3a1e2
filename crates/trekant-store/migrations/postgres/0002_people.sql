-- The people of a team server: who may log in, with which role, and their sessions.
-- An e-mail address is one person whatever its case. Passwords are argon2id PHC strings;
-- a session keeps only the SHA-256 of its bearer token, so a copy of the database gives no
-- one a way in.
CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         TEXT NOT NULL CHECK (email <> ''),
    name          TEXT NOT NULL CHECK (name <> ''),
    role          TEXT NOT NULL CHECK (role IN ('owner', 'member')),
    password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE sessions (
    token_hash BYTEA PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created    TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires    TIMESTAMPTZ NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires);
