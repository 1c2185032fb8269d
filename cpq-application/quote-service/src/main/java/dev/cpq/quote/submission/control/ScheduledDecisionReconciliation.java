package dev.cpq.quote.submission.control;

import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.security.control.CallerBinding;
import dev.cpq.platform.security.control.ServiceTokens;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.TenantId;
import dev.cpq.quote.submission.entity.CommitmentEvidences;
import dev.cpq.quote.submission.entity.SupersededDecision;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reconciler of superseded decisions on a schedule ({@value #INTERVAL_MS}, default every minute): for
 * each tenant with unreconciled evidence, as that tenant's SERVICE identity (no user request carries this
 * work, so the owners are asked with the service's own token), the same reconciliation an operator runs by
 * {@code POST /ops/superseded-decisions/reconcile}, over a shorter look-back (the operator's covers
 * {@link DecisionReconciling#LOOKBACK}). Findings are recorded, audited and counted as the operator's are;
 * each run per tenant is counted ({@code cpq_quote_decision_reconciliations_total{outcome}}). Without a
 * service identity (no key configured) nothing runs. Bean-managed: the reconciliation brings its own transactions.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class ScheduledDecisionReconciliation {

    /** Milliseconds between two runs. */
    public static final String INTERVAL_MS = "cpq.quote.decision-reconciliation.interval-ms";
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    /** The least a run looks back: a run that failed (an owner unavailable) is made up by the next ones. */
    static final Duration MIN_LOOKBACK = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(ScheduledDecisionReconciliation.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ServiceConfiguration configuration;

    @Inject
    DecisionReconciling reconciling;

    @Inject
    CommitmentEvidences evidences;

    @Inject
    ServiceTokens serviceTokens;

    @Inject
    CallerBinding binding;

    @Inject
    MeterRegistry registry;

    private final Clock clock = Clock.systemUTC();
    private Duration lookback;

    @PostConstruct
    void schedule() {
        if (!serviceTokens.available()) {
            LOG.warning("no service identity (" + ServiceConfiguration.SERVICE_IDENTITY_KEY_FILE
                    + " unset): superseded decisions are reconciled only when an operator asks");
            return;
        }
        Duration interval = configuration.duration(INTERVAL_MS, DEFAULT_INTERVAL);
        lookback = interval.multipliedBy(5).compareTo(MIN_LOOKBACK) > 0 ? interval.multipliedBy(5) : MIN_LOOKBACK;
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("decision-reconciliation", false));
    }

    @Timeout
    void scheduled() {
        reconcileEveryTenant();
    }

    /** One run over every tenant with unreconciled evidence in the look-back; answers how many decisions it found. */
    public int reconcileEveryTenant() {
        Instant since = clock.instant().minus(lookback);
        List<String> tenants;
        try {
            tenants = evidences.tenantsWithUnreconciledSince(since);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scheduled decision reconciliation could not list tenants; the next run retries", e);
            registry.counter("cpq.quote.decision.reconciliations", "outcome", "failed").increment();
            return 0;
        }
        int found = 0;
        for (String tenant : tenants) {
            found += reconcileAs(serviceTokens.callerFor(new TenantId(tenant)), since);
        }
        return found;
    }

    private int reconcileAs(Caller service, Instant since) {
        Caller previous = binding.bind(service);
        try {
            List<SupersededDecision> found = reconciling.reconcileSince(since);
            registry.counter("cpq.quote.decision.reconciliations", "outcome", "completed").increment();
            if (!found.isEmpty()) {
                LOG.warning(() -> "scheduled reconciliation found " + found.size() + " superseded decision(s) of tenant " + service.tenant());
            }
            return found.size();
        } catch (RuntimeException e) {
            // one tenant's failure (an owner unavailable) never stops the others; the next run retries it
            registry.counter("cpq.quote.decision.reconciliations", "outcome", "failed").increment();
            LOG.log(Level.WARNING, "scheduled decision reconciliation failed for tenant " + service.tenant() + "; the next run retries", e);
            return 0;
        } finally {
            binding.restore(previous);
        }
    }
}
