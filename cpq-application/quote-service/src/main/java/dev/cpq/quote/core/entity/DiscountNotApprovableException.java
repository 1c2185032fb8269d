package dev.cpq.quote.core.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.List;

/** A line's discount is above what any approver may grant under the approval policy. */
public class DiscountNotApprovableException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final List<Integer> lineIndexes;

    public DiscountNotApprovableException(List<Integer> lineIndexes) {
        super("The discount of line(s) " + lineIndexes + " is above what the approval policy lets any role approve.");
        this.lineIndexes = List.copyOf(lineIndexes);
    }

    @Override
    public Problem problem() {
        return Problem.of("DISCOUNT_NOT_APPROVABLE", 409, "Discount cannot be approved", getMessage())
                .with("lineIndexes", lineIndexes)
                .with("remediation", "Lower the discount of those lines (a new revision), price and submit again.");
    }
}
