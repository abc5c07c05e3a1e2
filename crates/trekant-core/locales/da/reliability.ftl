# Pålidelighed: timer der kun tælles én gang (en lognings Idempotency-Key-header).

web-log-key-reused = Idempotency-Key { $key } er allerede brugt til andre timer. Send en ny nøgle til en ny registrering, og gentag kun en nøgle, når du sender præcis den samme registrering igen.
web-log-bad-key = Idempotency-Key-headeren skal være 1 til { $max } synlige ASCII-tegn (et UUID er fint).
