-- What the customer accepted: lines, configuration, prices, versions, hashes and approval evidence, as
-- one immutable JSON document. One per quote (a quote is accepted once), written in the accepting
-- transaction together with the state change and the QuoteAccepted outbox event.
CREATE TABLE quote_snapshot (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       text        NOT NULL,
    quote_id        text        NOT NULL REFERENCES quote (quote_id),
    revision_id     text        NOT NULL,
    price_result_id text        NOT NULL,
    snapshot_hash   text        NOT NULL,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT quote_snapshot_one_per_quote UNIQUE (quote_id),
    CONSTRAINT quote_snapshot_hash_shape CHECK (snapshot_hash ~ '^snap-sha256:[0-9a-f]{64}$'),
    CONSTRAINT quote_snapshot_body_is_object CHECK (jsonb_typeof(body::jsonb) = 'object')
);

CREATE TRIGGER quote_snapshot_immutable BEFORE UPDATE OR DELETE ON quote_snapshot
    FOR EACH ROW EXECUTE FUNCTION quote_evidence_immutable();
