package dev.cpq.quote.core.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/** A decision or acceptance names a revision or price result that is no longer the quote's current one. */
public class StaleApprovalException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String currentRevisionId;
    private final String currentPriceResultId;

    public StaleApprovalException(String detail, String currentRevisionId, String currentPriceResultId) {
        super(detail);
        this.currentRevisionId = currentRevisionId;
        this.currentPriceResultId = currentPriceResultId;
    }

    @Override
    public Problem problem() {
        Problem p = Problem.of("STALE_APPROVAL", 409, "Approval not for the current revision", getMessage())
                .with("currentRevisionId", currentRevisionId);
        if (currentPriceResultId != null) {
            p = p.with("currentPriceResultId", currentPriceResultId);
        }
        return p.with("remediation", "Read the quote again; decide on (or accept) its current revision and price result.");
    }
}
