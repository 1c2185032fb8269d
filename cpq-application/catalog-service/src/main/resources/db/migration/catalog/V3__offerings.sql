-- The offerings of a catalog version; edited only while the version is a draft.
CREATE TABLE catalog_offering (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    catalog_id   bigint      NOT NULL REFERENCES catalog (id) ON DELETE CASCADE,
    tenant_id    text        NOT NULL,
    offering_id  text        NOT NULL,
    name         text        NOT NULL,
    family       text        NOT NULL,
    options      text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT catalog_offering_once_per_version UNIQUE (catalog_id, offering_id),
    CONSTRAINT catalog_offering_id_shape CHECK (offering_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
    CONSTRAINT catalog_offering_family_shape CHECK (family ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
    CONSTRAINT catalog_offering_name_length CHECK (length(name) BETWEEN 1 AND 200)
);
CREATE INDEX catalog_offering_by_family ON catalog_offering (catalog_id, family);
