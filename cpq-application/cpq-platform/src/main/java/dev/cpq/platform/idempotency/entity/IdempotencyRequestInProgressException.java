package dev.cpq.platform.idempotency.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.Map;

/** The same request is being executed right now; its outcome will be replayed once it completes. */
public class IdempotencyRequestInProgressException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public IdempotencyRequestInProgressException() {
        super("A request with this Idempotency-Key is still in progress.");
    }

    @Override
    public Problem problem() {
        return Problem.of("IDEMPOTENCY_REQUEST_IN_PROGRESS", 409, "Request in progress", getMessage())
                .with("remediation", "Retry with the same Idempotency-Key shortly to receive the original answer.");
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "1");
    }
}
