package dev.cpq.quote.core.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/**
 * A command that the quote's state does not allow: 409 with a code naming what was expected
 * ({@code QUOTE_STATE_CONFLICT}, {@code QUOTE_NOT_PRICED}, {@code QUOTE_NOT_PENDING_APPROVAL},
 * {@code QUOTE_NOT_APPROVED}, {@code QUOTE_EXPIRED}, {@code QUOTE_HAS_NO_LINES}) and the current status.
 */
public class QuoteStateException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final QuoteStatus status;
    private final String remediation;

    public QuoteStateException(String code, QuoteStatus status, String detail, String remediation) {
        super(detail);
        this.code = code;
        this.status = status;
        this.remediation = remediation;
    }

    public String code() {
        return code;
    }

    @Override
    public Problem problem() {
        Problem p = Problem.of(code, 409, "Not allowed in this state", getMessage()).with("quoteStatus", status.name());
        return remediation == null ? p : p.with("remediation", remediation);
    }
}
