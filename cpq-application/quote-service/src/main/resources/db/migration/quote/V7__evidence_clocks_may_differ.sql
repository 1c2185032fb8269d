-- confirmed_at comes from the application server's clock, recorded_at from PostgreSQL's: two clocks. A check
-- that orders them turned any skew (an app server a few milliseconds ahead, an NTP step) into a failed
-- submit or accept (a 500). The evidence keeps both instants as measured; the reconciler reads recorded_at.
ALTER TABLE quote_commitment_evidence DROP CONSTRAINT quote_evidence_confirmed_first;
