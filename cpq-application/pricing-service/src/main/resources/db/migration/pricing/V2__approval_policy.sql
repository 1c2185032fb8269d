-- The tenant's discount approval policy: every change appends a new immutable version; the newest is
-- current. Concurrent writers of the same next version (two first policies, or two changes made
-- against the same version) cannot both win: the version is unique per tenant.
CREATE TABLE approval_policy (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      text        NOT NULL,
    policy_version bigint      NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text        NOT NULL,
    CONSTRAINT approval_policy_tenant_shape CHECK (tenant_id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
    CONSTRAINT approval_policy_version_positive CHECK (policy_version > 0),
    CONSTRAINT approval_policy_version_unique UNIQUE (tenant_id, policy_version)
);

-- The maximum discount a role may grant without approval, per policy version; a role at most once.
CREATE TABLE approval_threshold (
    policy_id            bigint       NOT NULL REFERENCES approval_policy (id),
    role                 text         NOT NULL,
    max_discount_percent numeric(5,2) NOT NULL,
    PRIMARY KEY (policy_id, role),
    CONSTRAINT approval_threshold_role_known CHECK (role IN ('SALES_AGENT', 'SALES_MANAGER', 'PARTNER')),
    CONSTRAINT approval_threshold_percent_range CHECK (max_discount_percent BETWEEN 0 AND 100)
);

-- Policy versions are evidence for approvals given under them: never rewritten.
CREATE FUNCTION approval_policy_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'approval policy versions are immutable; append a new version instead'
        USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER approval_policy_immutable BEFORE UPDATE OR DELETE ON approval_policy
    FOR EACH ROW EXECUTE FUNCTION approval_policy_immutable();
CREATE TRIGGER approval_threshold_immutable BEFORE UPDATE OR DELETE ON approval_threshold
    FOR EACH ROW EXECUTE FUNCTION approval_policy_immutable();
