-- Issue 13 item 2: what a submit or an accept was validated on, recorded with the decision it committed.
-- The owners' databases are read before the quote's row lock (remote calls stay outside transactions);
-- under the lock the version pointers are read again and any movement sends the command back to validate.
-- What remains is the window between that re-check and the commit: these rows make it measurable. A
-- reconciler compares each row's versions with the owners' publication times and records, in
-- quote_superseded_decision, every decision whose versions were superseded by a publication made
-- before the decision was recorded.
CREATE TABLE quote_commitment_evidence (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id           text        NOT NULL,
    quote_id            text        NOT NULL REFERENCES quote (quote_id),
    revision_id         text        NOT NULL,
    price_result_id     text        NOT NULL,
    approval_round      integer     NOT NULL,
    command             text        NOT NULL,
    outcome             text        NOT NULL,
    catalog_version     bigint      NOT NULL,
    price_list_id       text        NOT NULL,
    price_list_version  bigint      NOT NULL,
    policy_version      bigint      NOT NULL,
    -- when the owners' answers (read from their databases) were in hand
    confirmed_at        timestamptz NOT NULL,
    -- written under the row lock as the command's last statement: the decision's time as close to its commit as SQL gets
    recorded_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT quote_evidence_command_known CHECK (command IN ('quote.submit', 'quote.accept')),
    CONSTRAINT quote_evidence_outcome_known CHECK (outcome IN ('APPROVED', 'PENDING_APPROVAL', 'ACCEPTED')),
    CONSTRAINT quote_evidence_versions CHECK (catalog_version > 0 AND price_list_version > 0 AND policy_version >= 0),
    CONSTRAINT quote_evidence_round CHECK (approval_round > 0),
    CONSTRAINT quote_evidence_confirmed_first CHECK (confirmed_at <= recorded_at)
);
CREATE INDEX quote_evidence_recent ON quote_commitment_evidence (tenant_id, recorded_at DESC);
CREATE TRIGGER quote_commitment_evidence_immutable BEFORE UPDATE OR DELETE ON quote_commitment_evidence
    FOR EACH ROW EXECUTE FUNCTION quote_evidence_immutable();

-- What the reconciler found: one row per superseded decision (found once, whatever how often it runs).
CREATE TABLE quote_superseded_decision (
    evidence_id         bigint      PRIMARY KEY REFERENCES quote_commitment_evidence (id),
    tenant_id           text        NOT NULL,
    quote_id            text        NOT NULL,
    domain              text        NOT NULL,
    confirmed_version   bigint      NOT NULL,
    newer_published_at  timestamptz NOT NULL,
    found_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT quote_superseded_domain_known CHECK (domain IN ('catalog', 'price-list', 'approval-policy'))
);
CREATE INDEX quote_superseded_by_tenant ON quote_superseded_decision (tenant_id, found_at DESC);
