package dev.cpq.platform.idempotency.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;

/** The key was used before for a different request (method, path or body). */
public class IdempotencyKeyReusedException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used for a different request.");
    }

    @Override
    public Problem problem() {
        return Problem.of("IDEMPOTENCY_KEY_REUSED", 422, "Idempotency-Key reused", getMessage())
                .with("remediation", "Use a new Idempotency-Key for a new request.");
    }
}
