-- A FAILED event holds back its aggregate's later events until an operator redrives or skips it; SKIPPED
-- is that operator's "never publish this one" (the later events then go).
ALTER TABLE outbox_event DROP CONSTRAINT outbox_status_known;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_status_known CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED'));

-- The claim asks, per candidate row, whether an earlier unsent event of its aggregate is FAILED or backing off.
CREATE INDEX outbox_event_unsent_by_aggregate ON outbox_event (aggregate_id, id) WHERE status <> 'SENT';
-- Operators list a tenant's failed events.
CREATE INDEX outbox_event_failed_by_tenant ON outbox_event (tenant_id, id) WHERE status = 'FAILED';
