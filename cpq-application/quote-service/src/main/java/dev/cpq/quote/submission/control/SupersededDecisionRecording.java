package dev.cpq.quote.submission.control;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.quote.submission.entity.CommitmentEvidences;
import dev.cpq.quote.submission.entity.SupersededDecision;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Records reconciliation findings in one transaction: each once, with an audit entry and a count. */
@ApplicationScoped
public class SupersededDecisionRecording {

    public static final String FOUND = "quote.decision-superseded";

    private CommitmentEvidences evidences;
    private AuditTrail audit;
    private MeterRegistry registry;

    protected SupersededDecisionRecording() {}

    @Inject
    public SupersededDecisionRecording(CommitmentEvidences evidences, AuditTrail audit, MeterRegistry registry) {
        this.evidences = evidences;
        this.audit = audit;
        this.registry = registry;
    }

    /** Answers the findings that were new. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<SupersededDecision> record(List<SupersededDecision> findings) {
        List<SupersededDecision> recorded = new ArrayList<>();
        for (SupersededDecision f : findings) {
            if (evidences.recordSuperseded(f)) {
                recorded.add(f);
                registry.counter("cpq.quote.superseded.decisions", "domain", f.domain(), "command", f.command()).increment();
                audit.succeeded(new AuditedChange("Quote", f.quoteId(), FOUND, f.outcome(), f.outcome(), null, null));
            }
        }
        return recorded;
    }
}
