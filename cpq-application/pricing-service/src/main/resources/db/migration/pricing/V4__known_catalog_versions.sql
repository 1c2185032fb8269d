-- The active catalog version per tenant as pricing learned it from CatalogPublished events: a replica
-- of catalog's fact, so a calculation checks its catalog version without a synchronous call to
-- catalog-service (which, inside one server under load, starved the request threads it waited for).
-- Only ever moves forward; final decisions (quote submit/accept) still ask catalog's own database.
CREATE TABLE known_catalog_version (
    tenant_id      text        PRIMARY KEY,
    active_version bigint      NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT known_catalog_version_positive CHECK (active_version > 0),
    CONSTRAINT known_catalog_version_tenant_shape CHECK (tenant_id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$')
);
