-- Approval decisions: evidence rows, never a flag on the quote. A decision is bound to the revision and
-- the price result it was made on, to the approval requirement it answers, and to a snapshot of the
-- authority it was made with (role and the maximum discount that role may grant under the policy
-- version). A requirement is answered once: the approval of one revision's prices (a repriced revision
-- has new prices, hence a new requirement). Submitting a quote that needs no approval records an
-- automatic decision, so acceptance always finds its evidence here.
CREATE TABLE quote_approval_decision (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id              text          NOT NULL,
    quote_id               text          NOT NULL REFERENCES quote (quote_id),
    revision_id            text          NOT NULL,
    price_result_id        text          NOT NULL,
    requirement            text          NOT NULL,
    decision               text          NOT NULL,
    reason                 text,
    decided_by             text          NOT NULL,
    automatic              boolean       NOT NULL,
    authority_role         text          NOT NULL,
    authority_max_discount numeric(5,2),
    policy_version         bigint        NOT NULL,
    decided_at             timestamptz   NOT NULL,
    CONSTRAINT quote_approval_decision_known CHECK (decision IN ('APPROVED', 'REJECTED')),
    CONSTRAINT quote_approval_requirement_known CHECK (requirement IN ('DISCOUNT_APPROVAL', 'NO_APPROVAL_REQUIRED')),
    CONSTRAINT quote_approval_automatic_only_approves CHECK (NOT automatic OR (decision = 'APPROVED' AND requirement = 'NO_APPROVAL_REQUIRED')),
    CONSTRAINT quote_approval_authority_role_known CHECK (authority_role IN ('SALES_AGENT', 'SALES_MANAGER', 'PARTNER')),
    CONSTRAINT quote_approval_max_discount_range CHECK (authority_max_discount BETWEEN 0 AND 100),
    CONSTRAINT quote_approval_policy_version CHECK (policy_version >= 0),
    CONSTRAINT quote_approval_reason_length CHECK (length(reason) <= 1000)
);
CREATE UNIQUE INDEX quote_approval_one_decision ON quote_approval_decision (quote_id, revision_id, price_result_id, requirement);

CREATE FUNCTION quote_evidence_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable evidence', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER quote_approval_decision_immutable BEFORE UPDATE OR DELETE ON quote_approval_decision
    FOR EACH ROW EXECUTE FUNCTION quote_evidence_immutable();
