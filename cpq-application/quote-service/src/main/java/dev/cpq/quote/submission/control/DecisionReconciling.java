package dev.cpq.quote.submission.control;

import dev.cpq.platform.command.control.OutsideTransaction;
import dev.cpq.quote.submission.entity.CommitmentEvidence;
import dev.cpq.quote.submission.entity.CommitmentEvidences;
import dev.cpq.quote.submission.entity.PublicationHistory;
import dev.cpq.quote.submission.entity.SupersededDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reconciler of issue 13 item 2: finds every submit or accept of the caller's tenant (recorded in the
 * last {@link #LOOKBACK}) whose catalog, price list or approval policy version had been superseded by a
 * publication made before the decision was recorded — the residual window between the post-lock
 * re-check and the commit, measured rather than assumed. The owners are asked outside any transaction
 * (once per distinct version); findings are recorded once each, audited and counted
 * ({@code cpq_quote_superseded_decisions_total}) by {@link SupersededDecisionRecording}.
 */
@ApplicationScoped
public class DecisionReconciling {

    static final Duration LOOKBACK = Duration.ofDays(7);
    static final int BATCH = 500;

    private CommitmentEvidences evidences;
    private PublicationHistory history;
    private SupersededDecisionRecording recording;
    private OutsideTransaction outside;
    private final Clock clock = Clock.systemUTC();

    protected DecisionReconciling() {}

    @Inject
    public DecisionReconciling(CommitmentEvidences evidences, PublicationHistory history, SupersededDecisionRecording recording,
            OutsideTransaction outside) {
        this.evidences = evidences;
        this.history = history;
        this.recording = recording;
        this.outside = outside;
    }

    /** Runs one reconciliation; answers the decisions it found superseded now (earlier findings stay listed by {@link #found}). */
    public List<SupersededDecision> reconcile() {
        return reconcileSince(clock.instant().minus(LOOKBACK));
    }

    /** Runs one reconciliation of the evidence recorded since {@code since} (the schedule looks back less far than an operator). */
    public List<SupersededDecision> reconcileSince(Instant since) {
        List<SupersededDecision> found = outside.run(() -> findSuperseded(since));
        return recording.record(found);
    }

    /** What reconciliations found so far, newest first. */
    public List<SupersededDecision> found(int limit) {
        return evidences.superseded(limit);
    }

    private List<SupersededDecision> findSuperseded(Instant since) {
        Map<Long, Optional<Instant>> catalog = new HashMap<>();
        Map<String, Optional<Instant>> lists = new HashMap<>();
        Map<Long, Optional<Instant>> policies = new HashMap<>();
        List<SupersededDecision> found = new ArrayList<>();
        long after = 0;
        List<CommitmentEvidence> page;
        // every page of the window: evidence never superseded stays unreconciled, and a single batch would
        // read the same oldest rows at every run and never reach the newer ones
        do {
            page = evidences.unreconciledSince(since, after, BATCH);
            for (CommitmentEvidence e : page) {
                Optional<Instant> newerCatalog = catalog.computeIfAbsent(e.catalogVersion(), history::catalogPublishedAfter);
                Optional<Instant> newerList = lists.computeIfAbsent(e.priceListId() + "\n" + e.priceListVersion(),
                        k -> history.priceListPublishedAfter(e.priceListId(), e.priceListVersion()));
                Optional<Instant> newerPolicy = policies.computeIfAbsent(e.policyVersion(), history::approvalPolicyPublishedAfter);
                SupersededDecision.of(e, newerCatalog, newerList, newerPolicy).ifPresent(found::add);
                after = e.id();
            }
        } while (page.size() == BATCH);
        return found;
    }
}
