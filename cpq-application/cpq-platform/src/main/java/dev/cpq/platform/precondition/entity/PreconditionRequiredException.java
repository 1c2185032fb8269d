package dev.cpq.platform.precondition.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

public class PreconditionRequiredException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public PreconditionRequiredException() {
        super("Commands on an existing aggregate need If-Match with the ETag of the version they were made against.");
    }

    @Override
    public Problem problem() {
        return Problem.of("PRECONDITION_REQUIRED", 428, "If-Match required", getMessage())
                .with("remediation", "Read the aggregate and send its ETag as If-Match.");
    }
}
