package dev.cpq.quote.expiry.control;

import dev.cpq.quote.expiry.entity.ExpiredQuote;
import dev.cpq.quote.summary.control.QuoteSummaries;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, quotes past their validity become EXPIRED, in batches of {@value #BATCH} (at most
 * {@value #MAX_BATCHES} per run, each its own transaction). Accept checks validity itself too, so a
 * quote is never accepted after its validity even between two runs. Several instances may sweep at once:
 * {@code SKIP LOCKED} lets them share the work. Bean-managed: the batches bring their own transactions.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class QuoteExpirySweep {

    static final int BATCH = 100;
    static final int MAX_BATCHES = 20;
    private static final Logger LOG = Logger.getLogger(QuoteExpirySweep.class.getName());

    @Inject
    ExpiryBatch batch;

    @Inject
    QuoteSummaries summaries;

    @Schedule(hour = "*", minute = "*", second = "23", persistent = false)
    void scheduled() {
        sweep();
    }

    /** Expires what is due now, every tenant's (the schedule); returns how many quotes it expired. */
    public int sweep() {
        return sweep(null);
    }

    /** Expires what is due now among one tenant's quotes (an operator runs it for its own tenant only). */
    public int sweepTenant(String tenantId) {
        return sweep(java.util.Objects.requireNonNull(tenantId, "tenantId"));
    }

    private int sweep(String tenantId) {
        int total = 0;
        try {
            for (int i = 0; i < MAX_BATCHES; i++) {
                List<ExpiredQuote> expired = tenantId == null ? batch.run(BATCH) : batch.run(BATCH, tenantId);
                // after the batch's commit: no cached summary may outlive it
                expired.forEach(q -> summaries.invalidate(q.tenantId(), q.quoteId()));
                total += expired.size();
                if (expired.size() < BATCH) {
                    break;
                }
            }
            if (total > 0) {
                int n = total;
                LOG.info(() -> "expired " + n + " quote(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "quote expiry sweep failed; the next run retries", e);
        }
        return total;
    }
}
