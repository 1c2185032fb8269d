package dev.cpq.platform.idempotency.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

public class InvalidIdempotencyKeyException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public InvalidIdempotencyKeyException() {
        super("An Idempotency-Key is 1 to 200 visible ASCII characters.");
    }

    @Override
    public Problem problem() {
        return Problem.of("VALIDATION_FAILED", 400, "Invalid Idempotency-Key", getMessage())
                .with("violations", java.util.List.of(java.util.Map.of("field", "Idempotency-Key", "message", getMessage())));
    }
}
