package dev.cpq.platform.remote.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.Map;

/**
 * Another service gave no clear answer (refused connection, no answer within the configured timeouts, a
 * 5xx, an unexpected answer): 503 {@code <TARGET>_UNAVAILABLE} ({@code CATALOG_UNAVAILABLE},
 * {@code PRICING_UNAVAILABLE}...: the target's name decides) with Retry-After. Nothing is decided on a guess.
 */
public class RemoteServiceUnavailableException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String service;

    public RemoteServiceUnavailableException(String service, String detail, Throwable cause) {
        super(service + "-service: " + detail, cause);
        this.service = service;
    }

    @Override
    public Problem problem() {
        return Problem.of(service.toUpperCase(java.util.Locale.ROOT) + "_UNAVAILABLE", 503, "Dependency unavailable", getMessage())
                .with("remediation", "Retry shortly (a new attempt may reuse the Idempotency-Key); if it persists, check " + service
                        + "-service's health.");
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "2");
    }

    /** The service that gave no clear answer ({@code catalog}, {@code pricing}, ...). */
    public String target() {
        return service;
    }

    /**
     * Thrown inside an idempotent command instead of the problem itself: the platform stores problems as
     * final answers of the key, but an unavailable dependency is transient, so the key must be given back
     * (it is, for any other exception). The boundary turns it into the 503.
     */
    public static class Transient extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Transient(RemoteServiceUnavailableException problem) {
            super(problem.getMessage(), problem);
        }

        public RemoteServiceUnavailableException problem() {
            return (RemoteServiceUnavailableException) getCause();
        }
    }
}
