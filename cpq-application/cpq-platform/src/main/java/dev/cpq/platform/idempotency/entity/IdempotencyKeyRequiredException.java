package dev.cpq.platform.idempotency.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

public class IdempotencyKeyRequiredException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyRequiredException() {
        super("This command needs an Idempotency-Key header, so that a retry cannot apply it twice.");
    }

    @Override
    public Problem problem() {
        return Problem.of("IDEMPOTENCY_KEY_REQUIRED", 400, "Idempotency-Key required", getMessage());
    }
}
