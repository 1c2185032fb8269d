package dev.cpq.quote.submission.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * A committed decision whose {@code domain} version ({@code catalog}, {@code price-list},
 * {@code approval-policy}) had already been superseded by a publication at {@code newerPublishedAt},
 * before the decision was recorded: the residual window between the post-lock re-check and the commit.
 */
public record SupersededDecision(long evidenceId, String quoteId, String command, String outcome, String domain, long confirmedVersion,
        Instant newerPublishedAt, Instant recordedAt) {

    public static final String CATALOG = "catalog";
    public static final String PRICE_LIST = "price-list";
    public static final String APPROVAL_POLICY = "approval-policy";

    /**
     * The finding for one piece of evidence, if a newer version of any of its domains was published before
     * the decision was recorded (a publication at the very same instant counts: it may have committed first).
     */
    public static Optional<SupersededDecision> of(CommitmentEvidence e, Optional<Instant> newerCatalog, Optional<Instant> newerPriceList,
            Optional<Instant> newerPolicy) {
        return first(e, CATALOG, e.catalogVersion(), newerCatalog)
                .or(() -> first(e, PRICE_LIST, e.priceListVersion(), newerPriceList))
                .or(() -> first(e, APPROVAL_POLICY, e.policyVersion(), newerPolicy));
    }

    private static Optional<SupersededDecision> first(CommitmentEvidence e, String domain, long version, Optional<Instant> newer) {
        return newer.filter(at -> !at.isAfter(e.recordedAt()))
                .map(at -> new SupersededDecision(e.id(), e.quoteId(), e.command(), e.outcome(), domain, version, at, e.recordedAt()));
    }
}
