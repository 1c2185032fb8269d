-- Platform tables every service has in its schema (history: flyway_platform_history).

-- One row per (tenant, command, Idempotency-Key): claimed before the command runs, completed with the
-- response in the command's own transaction, replayed for the same request, refused for another.
CREATE TABLE idempotency_record (
    tenant_id           text        NOT NULL,
    command             text        NOT NULL,
    idempotency_key     text        NOT NULL,
    request_fingerprint text        NOT NULL,
    status              text        NOT NULL,
    claim_token         uuid        NOT NULL,
    lease_until         timestamptz NOT NULL,
    response_status     int,
    response_body       text,
    response_location   text,
    response_etag       text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    completed_at        timestamptz,
    expires_at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, command, idempotency_key),
    CONSTRAINT idempotency_status_known CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
    CONSTRAINT idempotency_completed_has_response CHECK ((status = 'COMPLETED') = (response_status IS NOT NULL)),
    CONSTRAINT idempotency_key_shape CHECK (length(idempotency_key) BETWEEN 1 AND 200)
);
CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at);
