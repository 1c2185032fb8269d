-- The configuration rules of one offering family in one catalog version (requires / excludes between
-- option values), edited only while the version is a draft; published with it.
CREATE TABLE catalog_rule_set (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    catalog_id  bigint      NOT NULL REFERENCES catalog (id) ON DELETE CASCADE,
    tenant_id   text        NOT NULL,
    family      text        NOT NULL,
    rules       text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT catalog_rule_set_once_per_family UNIQUE (catalog_id, family),
    CONSTRAINT catalog_rule_set_family_shape CHECK (family ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$')
);

-- A draft starts as a copy of the version active when it was opened (null: the tenant's first draft).
ALTER TABLE catalog ADD COLUMN based_on_version bigint;
ALTER TABLE catalog ADD CONSTRAINT catalog_based_on_earlier CHECK (based_on_version IS NULL OR based_on_version < version_no);
