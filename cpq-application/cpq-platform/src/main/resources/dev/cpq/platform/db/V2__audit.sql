-- Who did what to which aggregate, written in the business transaction of the command itself.
CREATE TABLE audit_entry (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       text        NOT NULL,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    actor           text        NOT NULL,
    aggregate_type  text        NOT NULL,
    aggregate_id    text        NOT NULL,
    command         text        NOT NULL,
    from_state      text,
    to_state        text,
    from_version    bigint,
    to_version      bigint,
    idempotency_key text,
    request_id      text,
    outcome         text        NOT NULL,
    CONSTRAINT audit_outcome_known CHECK (outcome IN ('SUCCEEDED', 'REJECTED'))
);
CREATE INDEX audit_entry_aggregate ON audit_entry (tenant_id, aggregate_id, id);

-- Append-only: history is never rewritten, not even by the service's own role.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
