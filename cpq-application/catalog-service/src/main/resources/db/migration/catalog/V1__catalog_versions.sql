-- Catalog versions per tenant. A version is edited while DRAFT, becomes the tenant's one active
-- version when PUBLISHED, and SUPERSEDED when a later one is published.
CREATE TABLE catalog (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    text        NOT NULL,
    version_no   bigint      NOT NULL,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    row_version  bigint      NOT NULL DEFAULT 1,
    CONSTRAINT catalog_tenant_shape CHECK (tenant_id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
    CONSTRAINT catalog_version_positive CHECK (version_no > 0),
    CONSTRAINT catalog_status_known CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    -- a published (or once published) version knows when; a draft never does
    CONSTRAINT catalog_published_at_iff_published CHECK ((status = 'DRAFT') = (published_at IS NULL)),
    CONSTRAINT catalog_version_unique UNIQUE (tenant_id, version_no)
);

-- The business rule "one active catalog version per tenant" lives here, not in Java.
CREATE UNIQUE INDEX catalog_one_active_per_tenant ON catalog (tenant_id) WHERE status = 'PUBLISHED';
