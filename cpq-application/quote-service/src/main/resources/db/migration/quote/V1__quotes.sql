-- Quotes per tenant, one row per quote (the aggregate: row_version is the ETag and rises with every
-- change). revision_id changes with every commercial change (lines, options, quantities, terms,
-- discounts); pricing and approval always refer to one revision. Lines and the recorded price
-- (lines, totals, approval signals) are JSON values of the aggregate.
CREATE TABLE quote (
    quote_id           text        PRIMARY KEY,
    -- creation order: the worklist's keyset (newest first) and its opaque cursor
    seq                bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    tenant_id          text        NOT NULL,
    customer_id        text        NOT NULL,
    currency           text        NOT NULL,
    market             text        NOT NULL,
    channel            text        NOT NULL,
    price_list_id      text        NOT NULL,
    status             text        NOT NULL,
    revision_id        text        NOT NULL,
    revision_no        integer     NOT NULL,
    lines              text        NOT NULL,
    catalog_version    bigint,
    configuration_hash text,
    price_result_id    text,
    price_list_version bigint,
    price_hash         text,
    price_valid_until  timestamptz,
    staleness_policy   text,
    policy_version     bigint,
    approval_signals   text,
    priced_lines       text,
    totals             text,
    valid_until        timestamptz NOT NULL,
    order_id           text,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    row_version        bigint      NOT NULL DEFAULT 1,
    CONSTRAINT quote_tenant_shape CHECK (tenant_id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
    CONSTRAINT quote_id_shape CHECK (quote_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT quote_revision_id_shape CHECK (revision_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    CONSTRAINT quote_revision_no_positive CHECK (revision_no > 0),
    CONSTRAINT quote_status_known
        CHECK (status IN ('DRAFT', 'PRICED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'ACCEPTED', 'EXPIRED')),
    CONSTRAINT quote_currency_shape CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT quote_customer_shape CHECK (length(customer_id) BETWEEN 1 AND 100),
    CONSTRAINT quote_market_shape CHECK (market ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
    CONSTRAINT quote_channel_shape CHECK (channel ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
    CONSTRAINT quote_price_list_shape CHECK (price_list_id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
    CONSTRAINT quote_lines_are_array CHECK (jsonb_typeof(lines::jsonb) = 'array'),
    -- a configured quote knows the catalog version and the hash it was configured with, both or none
    CONSTRAINT quote_configuration_complete CHECK ((catalog_version IS NULL) = (configuration_hash IS NULL)),
    CONSTRAINT quote_configuration_hash_shape CHECK (configuration_hash ~ '^cfg-sha256:[0-9a-f]{64}$'),
    -- a recorded price is complete or absent
    CONSTRAINT quote_price_complete CHECK (num_nonnulls(price_result_id, price_list_version, price_hash, price_valid_until,
        staleness_policy, policy_version, approval_signals, priced_lines, totals) IN (0, 9)),
    CONSTRAINT quote_price_hash_shape CHECK (price_hash ~ '^price-sha256:[0-9a-f]{64}$'),
    CONSTRAINT quote_staleness_policy_known CHECK (staleness_policy IN ('VALID_UNTIL_QUOTE_EXPIRY', 'REPRICE_REQUIRED_ON_PUBLISH')),
    -- a new revision clears the price; every state after pricing has one
    CONSTRAINT quote_draft_unpriced CHECK (status <> 'DRAFT' OR price_result_id IS NULL),
    CONSTRAINT quote_priced_states_have_price
        CHECK (status NOT IN ('PRICED', 'PENDING_APPROVAL', 'APPROVED', 'ACCEPTED') OR price_result_id IS NOT NULL),
    CONSTRAINT quote_order_only_when_accepted CHECK (order_id IS NULL OR status = 'ACCEPTED'),
    CONSTRAINT quote_row_version_positive CHECK (row_version > 0)
);

-- The worklist: newest first, optionally by status or customer; the expiry sweep: due quotes.
CREATE INDEX quote_worklist ON quote (tenant_id, seq DESC);
CREATE INDEX quote_worklist_status ON quote (tenant_id, status, seq DESC);
CREATE INDEX quote_worklist_customer ON quote (tenant_id, customer_id, seq DESC);
CREATE INDEX quote_expiry_due ON quote (valid_until) WHERE status IN ('DRAFT', 'PRICED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED');

-- ACCEPTED and EXPIRED are final for the quote: nothing commercial changes afterwards, whatever path
-- (JPA, the sweep, a console) tries. Only the order id may still be set on an accepted quote.
CREATE FUNCTION quote_final_states() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'ACCEPTED' AND (NEW.status <> 'ACCEPTED' OR NEW.revision_id <> OLD.revision_id OR NEW.lines <> OLD.lines
            OR NEW.price_result_id IS DISTINCT FROM OLD.price_result_id) THEN
        RAISE EXCEPTION 'an accepted quote does not change (only its order id is set)' USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.status = 'EXPIRED' AND NEW.status <> 'EXPIRED' THEN
        RAISE EXCEPTION 'an expired quote stays expired' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER quote_final_states BEFORE UPDATE ON quote FOR EACH ROW EXECUTE FUNCTION quote_final_states();

-- The history of a quote's revisions and the state each reached, kept by the database from the quote
-- row itself (so no code path can forget it). A quote has at most one ACCEPTED revision.
CREATE TABLE quote_revision (
    quote_id    text        NOT NULL REFERENCES quote (quote_id),
    revision_id text        NOT NULL,
    tenant_id   text        NOT NULL,
    revision_no integer     NOT NULL,
    status      text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (quote_id, revision_id),
    CONSTRAINT quote_revision_status_known
        CHECK (status IN ('DRAFT', 'PRICED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'ACCEPTED', 'EXPIRED')),
    CONSTRAINT quote_revision_no_unique UNIQUE (quote_id, revision_no)
);
CREATE UNIQUE INDEX quote_revision_one_accepted ON quote_revision (quote_id) WHERE status = 'ACCEPTED';

CREATE FUNCTION quote_revision_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO quote_revision (quote_id, revision_id, tenant_id, revision_no, status, updated_at)
    VALUES (NEW.quote_id, NEW.revision_id, NEW.tenant_id, NEW.revision_no, NEW.status, now())
    ON CONFLICT (quote_id, revision_id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at;
    RETURN NULL;
END $$;
CREATE TRIGGER quote_revision_track AFTER INSERT OR UPDATE OF status, revision_id ON quote
    FOR EACH ROW EXECUTE FUNCTION quote_revision_track();
