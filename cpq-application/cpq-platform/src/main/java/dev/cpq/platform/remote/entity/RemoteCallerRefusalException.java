package dev.cpq.platform.remote.entity;

import dev.cpq.platform.problem.entity.Problem;
import java.util.Map;

/**
 * Another service (catalog, pricing, ...) refused the caller rather than the command: 401 (its token, e.g. expired
 * between quote's check and the owner's), 403 (its rights) or 429 (its rate). Answered with the owner's
 * status and code, never as a 503; but, like an unavailability, it is not the command's final answer: the
 * Idempotency-Key is given back (this is a {@link RemoteServiceUnavailableException} for that purpose only),
 * so the same command may run with a fresh token or after the pause the owner asks for.
 */
public class RemoteCallerRefusalException extends RemoteServiceUnavailableException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String retryAfterSeconds;

    public RemoteCallerRefusalException(String service, int status, String code, String detail, String retryAfterSeconds) {
        super(service, detail, null);
        if (status != 401 && status != 403 && status != 429) {
            throw new IllegalArgumentException("a refusal of the caller is 401, 403 or 429, not " + status);
        }
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Problem problem() {
        Problem p = Problem.of(code, status, "Refused by a dependency", getMessage());
        return retryAfterSeconds == null ? p : p.with("retryAfterSeconds", Long.parseLong(retryAfterSeconds));
    }

    @Override
    public Map<String, String> headers() {
        return switch (status) {
            case 429 -> Map.of("Retry-After", retryAfterSeconds == null ? "1" : retryAfterSeconds);
            // a 401 says how to authenticate, as quote's own does (the owner rejected the very token quote accepted)
            case 401 -> Map.of("WWW-Authenticate", "Bearer realm=\"cpq\", error=\"invalid_token\"");
            default -> Map.of();
        };
    }
}
