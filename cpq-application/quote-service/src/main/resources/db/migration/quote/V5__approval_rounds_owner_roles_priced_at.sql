-- Issue 13 items 1, 3 and 9.
-- The owner's role classes, recorded at creation: the approval requirement at submit takes the lowest
-- discount limit among the owner's and the submitter's roles, so a partner's quote is never judged by
-- an agent's limit. Quotes created before this migration have no record of their creator's roles: they
-- are judged as partners' (with the agent's limit too, the lowest of both), never more leniently.
-- Any insert that does not name the owner gets the same strictest default.
ALTER TABLE quote ADD COLUMN owner_role_classes text NOT NULL DEFAULT 'PARTNER,SALES_AGENT';
ALTER TABLE quote ADD CONSTRAINT quote_owner_role_classes_known
    CHECK (owner_role_classes IN ('PARTNER', 'SALES_AGENT', 'PARTNER,SALES_AGENT'));

-- When pricing made the recorded price result: a result made after a newer price list version was
-- published is stale whatever its staleness policy (null for results recorded before this migration:
-- judged as made late, i.e. stale once a newer version exists).
ALTER TABLE quote ADD COLUMN price_priced_at timestamptz;

-- Every submit is a new approval round of the current revision and price result: re-pricing may answer
-- the same content-addressed price result, and the next submit must decide again with new decision
-- rows. A requirement is answered once per round.
ALTER TABLE quote ADD COLUMN approval_round integer NOT NULL DEFAULT 0;
ALTER TABLE quote ADD CONSTRAINT quote_approval_round_not_negative CHECK (approval_round >= 0);
ALTER TABLE quote_approval_decision ADD COLUMN approval_round integer NOT NULL DEFAULT 1;
ALTER TABLE quote_approval_decision ALTER COLUMN approval_round DROP DEFAULT;
ALTER TABLE quote_approval_decision ADD CONSTRAINT quote_approval_round_positive CHECK (approval_round > 0);
-- the rounds already decided: each quote's existing decisions were its first round
UPDATE quote SET approval_round = 1
 WHERE EXISTS (SELECT 1 FROM quote_approval_decision d WHERE d.quote_id = quote.quote_id);
DROP INDEX quote_approval_one_decision;
CREATE UNIQUE INDEX quote_approval_one_decision_per_round
    ON quote_approval_decision (quote_id, revision_id, price_result_id, approval_round, requirement);

-- A partner's worklist holds its own quotes only (issue 13 item 19): its keyset, per owner.
CREATE INDEX quote_worklist_owner ON quote (tenant_id, created_by, seq DESC);
