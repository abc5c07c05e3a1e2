-- Failed logins of a team server, kept to rate-limit password guessing across every `serve`
-- process: a row per attempt that was let through to the password check, with the e-mail
-- address it named (lower case, known or not) and the client's address when known. A
-- successful login deletes its e-mail address's rows; rows older than a day are deleted as
-- new attempts come in.
CREATE TABLE login_attempts (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email   TEXT NOT NULL,
    address TEXT,
    at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX login_attempts_email ON login_attempts (email, at);
CREATE INDEX login_attempts_address ON login_attempts (address, at) WHERE address IS NOT NULL;
CREATE INDEX login_attempts_at ON login_attempts (at);
