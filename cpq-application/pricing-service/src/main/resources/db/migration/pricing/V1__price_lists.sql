-- Price lists per tenant, one row per version (the aggregate: its row_version is the ETag). A version
-- is edited while DRAFT, becomes the list's one active version when PUBLISHED, and SUPERSEDED when a
-- later one is published. Name, staleness policy and validity are versioned data like the entries.
CREATE TABLE price_list (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        text        NOT NULL,
    price_list_id    text        NOT NULL,
    version_no       bigint      NOT NULL,
    status           text        NOT NULL,
    name             text        NOT NULL,
    staleness_policy text        NOT NULL,
    validity_days    integer     NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    published_at     timestamptz,
    row_version      bigint      NOT NULL DEFAULT 1,
    CONSTRAINT price_list_tenant_shape CHECK (tenant_id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
    -- no '.' or ':': the id is the scope of a cache version line (price-list:active-version:<id>)
    CONSTRAINT price_list_id_shape CHECK (price_list_id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
    CONSTRAINT price_list_version_positive CHECK (version_no > 0),
    CONSTRAINT price_list_status_known CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    -- a published (or once published) version knows when; a draft never does
    CONSTRAINT price_list_published_at_iff_published CHECK ((status = 'DRAFT') = (published_at IS NULL)),
    CONSTRAINT price_list_staleness_policy_known
        CHECK (staleness_policy IN ('VALID_UNTIL_QUOTE_EXPIRY', 'REPRICE_REQUIRED_ON_PUBLISH')),
    CONSTRAINT price_list_validity_days_range CHECK (validity_days BETWEEN 1 AND 365),
    CONSTRAINT price_list_name_length CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT price_list_version_unique UNIQUE (tenant_id, price_list_id, version_no)
);

-- The business rule "one active version per price list" lives here, not in Java.
CREATE UNIQUE INDEX price_list_one_published ON price_list (tenant_id, price_list_id) WHERE status = 'PUBLISHED';

-- Version numbers are handed out per (tenant, price list) by an atomic counter, so concurrent drafts
-- never collide.
CREATE TABLE price_list_version_counter (
    tenant_id     text   NOT NULL,
    price_list_id text   NOT NULL,
    last_version  bigint NOT NULL CHECK (last_version > 0),
    PRIMARY KEY (tenant_id, price_list_id)
);

-- The prices of one offering per currency, market and channel in one price list version.
CREATE TABLE price_list_entry (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    price_list_ref    bigint        NOT NULL REFERENCES price_list (id),
    tenant_id         text          NOT NULL,
    offering_id       text          NOT NULL,
    currency          text          NOT NULL,
    market            text          NOT NULL,
    channel           text          NOT NULL,
    one_time          numeric(19,4) NOT NULL,
    recurring_monthly numeric(19,4) NOT NULL,
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT price_list_entry_once UNIQUE (price_list_ref, offering_id, currency, market, channel),
    CONSTRAINT price_list_entry_offering_shape CHECK (offering_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
    CONSTRAINT price_list_entry_currency_shape CHECK (currency ~ '^[A-Z]{3}$'),
    -- no '.': market and channel are joined with '.' in cache keys and must not collide there
    CONSTRAINT price_list_entry_market_shape CHECK (market ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
    CONSTRAINT price_list_entry_channel_shape CHECK (channel ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
    CONSTRAINT price_list_entry_one_time_not_negative CHECK (one_time >= 0),
    CONSTRAINT price_list_entry_recurring_not_negative CHECK (recurring_monthly >= 0)
);

-- Prices that quotes were made against never change: entries of a published or superseded version
-- are frozen, whatever path (JPA, native SQL, a console) tries.
CREATE FUNCTION price_list_entry_only_in_drafts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent_status text;
BEGIN
    SELECT status INTO parent_status FROM price_list
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.price_list_ref ELSE NEW.price_list_ref END;
    IF parent_status IS DISTINCT FROM 'DRAFT' OR (TG_OP = 'UPDATE' AND OLD.price_list_ref <> NEW.price_list_ref) THEN
        RAISE EXCEPTION 'price list entries change only while their version is a draft (version is %)', parent_status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER price_list_entry_only_in_drafts BEFORE INSERT OR UPDATE OR DELETE ON price_list_entry
    FOR EACH ROW EXECUTE FUNCTION price_list_entry_only_in_drafts();
