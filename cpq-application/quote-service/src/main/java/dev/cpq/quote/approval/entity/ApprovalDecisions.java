package dev.cpq.quote.approval.entity;

import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.RevisionId;
import java.util.List;
import java.util.UUID;

/** Approval evidence of the current tenant's quotes. */
public interface ApprovalDecisions {

    /** Writes the decision now: a second decision on the same requirement fails on the unique index. */
    void add(ApprovalDecision decision);

    /** The decisions made in one approval round of a revision priced as {@code priceResultId}, oldest first. */
    List<ApprovalDecision> on(QuoteId quote, RevisionId revision, UUID priceResultId, int approvalRound);

    /** Every decision on the quote, oldest first. */
    List<ApprovalDecision> of(QuoteId quote);
}
