-- A time entry logged with an idempotency key (a client's `Idempotency-Key` header): a client
-- that lost the answer — its server killed after the commit — sends the same log again, finds
-- its key here and logs nothing the second time. Unique per owner, so two servers racing on
-- one key cannot both insert; entries logged without a key (the CLI) have none.
ALTER TABLE time_entry ADD COLUMN idempotency_key TEXT
    CHECK (idempotency_key IS NULL OR idempotency_key <> '');
CREATE UNIQUE INDEX time_entry_key ON time_entry (owner, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
