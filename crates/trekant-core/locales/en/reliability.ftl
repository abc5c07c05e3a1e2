# Reliability: hour logs that count once (the Idempotency-Key header of a log).

web-log-key-reused = The Idempotency-Key { $key } was already used for other hours. Send a new key for a new entry; repeat a key only to send the very same entry again.
web-log-bad-key = The Idempotency-Key header must be 1 to { $max } visible ASCII characters (a UUID will do).
