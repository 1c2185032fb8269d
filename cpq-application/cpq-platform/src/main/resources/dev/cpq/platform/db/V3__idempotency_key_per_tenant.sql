-- Idempotency keys are scoped by tenant within a service (API.md), not by command: one key names one
-- request, and the same key sent with another command (method, path, If-Match, body) is refused (422)
-- instead of running both. The command column stays as information (metrics, operators).
-- A key already used by two commands of one tenant keeps its newest record; the older ones, at most
-- a day old, could only ever have been replayed to a client reusing a key for a different request.
DELETE FROM idempotency_record older
 USING idempotency_record newer
 WHERE older.tenant_id = newer.tenant_id
   AND older.idempotency_key = newer.idempotency_key
   AND (older.created_at, older.command) < (newer.created_at, newer.command);
CREATE UNIQUE INDEX idempotency_record_tenant_key ON idempotency_record (tenant_id, idempotency_key);
