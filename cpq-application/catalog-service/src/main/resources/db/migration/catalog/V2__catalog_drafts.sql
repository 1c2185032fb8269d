-- Version numbers are handed out per tenant by an atomic counter, so concurrent drafts never collide.
CREATE TABLE catalog_version_counter (
    tenant_id    text   PRIMARY KEY,
    last_version bigint NOT NULL CHECK (last_version > 0)
);

ALTER TABLE catalog ADD COLUMN description text;
ALTER TABLE catalog ADD CONSTRAINT catalog_description_length CHECK (length(description) <= 500);
