package dev.cpq.platform.ratelimit.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.Map;

/** The client used up its requests of the current window. */
public class RateLimitedException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public RateLimitedException(long limit, long retryAfterSeconds) {
        super("More than " + limit + " requests a minute from this client.");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    @Override
    public Problem problem() {
        return Problem.of("RATE_LIMITED", 429, "Too many requests", getMessage())
                .with("retryAfterSeconds", retryAfterSeconds);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
