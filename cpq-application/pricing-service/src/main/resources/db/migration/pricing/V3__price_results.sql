-- Price calculation results: immutable, content-addressed by the hash of their input (which names the
-- price list, catalog and policy versions used). Quotes refer to them by id and price hash.
CREATE TABLE price_result (
    price_result_id    uuid        PRIMARY KEY,
    tenant_id          text        NOT NULL,
    input_hash         text        NOT NULL,
    price_hash         text        NOT NULL,
    price_list_id      text        NOT NULL,
    price_list_version bigint      NOT NULL,
    catalog_version    bigint      NOT NULL,
    policy_version     bigint      NOT NULL,
    staleness_policy   text        NOT NULL,
    caller_class       text        NOT NULL,
    currency           text        NOT NULL,
    market             text        NOT NULL,
    channel            text        NOT NULL,
    priced_at          timestamptz NOT NULL,
    valid_until        timestamptz NOT NULL,
    body               text        NOT NULL,
    CONSTRAINT price_result_tenant_shape CHECK (tenant_id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
    CONSTRAINT price_result_input_hash_shape CHECK (input_hash ~ '^in-sha256:[0-9a-f]{64}$'),
    CONSTRAINT price_result_price_hash_shape CHECK (price_hash ~ '^price-sha256:[0-9a-f]{64}$'),
    CONSTRAINT price_result_versions_positive CHECK (price_list_version > 0 AND catalog_version > 0 AND policy_version >= 0),
    CONSTRAINT price_result_staleness_policy_known
        CHECK (staleness_policy IN ('VALID_UNTIL_QUOTE_EXPIRY', 'REPRICE_REQUIRED_ON_PUBLISH')),
    CONSTRAINT price_result_caller_class_known CHECK (caller_class IN ('SALES_AGENT', 'PARTNER')),
    CONSTRAINT price_result_currency_shape CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT price_result_validity CHECK (valid_until > priced_at),
    CONSTRAINT price_result_body_is_object CHECK (jsonb_typeof(body::jsonb) = 'object'),
    -- a result names a price list version that exists
    CONSTRAINT price_result_price_list_version FOREIGN KEY (tenant_id, price_list_id, price_list_version)
        REFERENCES price_list (tenant_id, price_list_id, version_no)
);

-- Reuse looks up the newest result of an input that is still valid long enough.
CREATE INDEX price_result_reuse ON price_result (tenant_id, input_hash, valid_until DESC);

-- Immutable: a quote's price result id always means the same prices. (Deleting expired results is a
-- retention concern and stays possible.)
CREATE FUNCTION price_result_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'price results are immutable' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER price_result_immutable BEFORE UPDATE ON price_result
    FOR EACH ROW EXECUTE FUNCTION price_result_immutable();
