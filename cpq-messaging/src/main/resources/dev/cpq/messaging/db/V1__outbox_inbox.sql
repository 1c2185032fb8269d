-- cpq-messaging tables, created in each service's own schema by that service's startup migration
-- (history table flyway_messaging_history, separate from the service's own migrations).

-- Events written in the same transaction as the business change; the relay publishes them.
CREATE TABLE outbox_event (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id          uuid        NOT NULL,
    tenant_id         text        NOT NULL,
    aggregate_type    text        NOT NULL,
    aggregate_id      text        NOT NULL,
    aggregate_version bigint      NOT NULL,
    event_type        text        NOT NULL,
    schema_version    int         NOT NULL,
    occurred_at       timestamptz NOT NULL,
    topic             text        NOT NULL,
    envelope          text        NOT NULL,
    -- claims are partitioned by aggregate, so one aggregate's events always go through one relay at a time
    partition_no      smallint    NOT NULL GENERATED ALWAYS AS (((hashtext(aggregate_id) & 2147483647) % 16)::smallint) STORED,
    status            text        NOT NULL DEFAULT 'PENDING',
    attempts          int         NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    last_error        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    sent_at           timestamptz,
    CONSTRAINT outbox_event_id_unique UNIQUE (event_id),
    CONSTRAINT outbox_status_known CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT outbox_sent_has_time CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
    CONSTRAINT outbox_version_positive CHECK (aggregate_version > 0)
);
-- claims walk pending rows oldest first and keep those of the partitions they hold
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE status = 'PENDING';
CREATE INDEX outbox_event_sent ON outbox_event (sent_at) WHERE status = 'SENT';
CREATE INDEX outbox_event_failed ON outbox_event (id) WHERE status = 'FAILED';

-- Wake the relay at commit instead of waiting for its next poll (one notification per statement).
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('cpq_outbox_' || TG_TABLE_SCHEMA, '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();

-- Events a consumer has processed, recorded in the same transaction as their effect.
CREATE TABLE inbox_event (
    consumer          text        NOT NULL,
    event_id          uuid        NOT NULL,
    tenant_id         text        NOT NULL,
    event_type        text        NOT NULL,
    aggregate_type    text        NOT NULL,
    aggregate_id      text        NOT NULL,
    aggregate_version bigint      NOT NULL,
    outcome           text        NOT NULL,
    processed_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id),
    CONSTRAINT inbox_outcome_known CHECK (outcome IN ('APPLIED', 'IGNORED_STALE'))
);

-- The newest aggregate version each consumer applied: older events never move a projection back.
CREATE TABLE inbox_aggregate_version (
    consumer       text   NOT NULL,
    tenant_id      text   NOT NULL,
    aggregate_type text   NOT NULL,
    aggregate_id   text   NOT NULL,
    version        bigint NOT NULL,
    PRIMARY KEY (consumer, tenant_id, aggregate_type, aggregate_id)
);

-- Events a consumer could not decode or apply after its retries; operators re-drive them.
CREATE TABLE parked_event (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer        text        NOT NULL,
    event_id        uuid,
    tenant_id       text,
    topic           text        NOT NULL,
    kafka_partition int         NOT NULL,
    kafka_offset    bigint      NOT NULL,
    raw             text        NOT NULL,
    error           text        NOT NULL,
    attempts        int         NOT NULL,
    status          text        NOT NULL DEFAULT 'PARKED',
    parked_at       timestamptz NOT NULL DEFAULT now(),
    redriven_at     timestamptz,
    CONSTRAINT parked_status_known CHECK (status IN ('PARKED', 'REDRIVEN')),
    CONSTRAINT parked_once_per_offset UNIQUE (consumer, topic, kafka_partition, kafka_offset)
);
CREATE INDEX parked_event_open ON parked_event (consumer, id) WHERE status = 'PARKED';
