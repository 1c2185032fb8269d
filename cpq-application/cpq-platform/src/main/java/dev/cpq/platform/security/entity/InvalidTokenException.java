package dev.cpq.platform.security.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.Map;

/** No usable bearer token: missing, malformed, badly signed, expired, not yet valid or for someone else. */
public class InvalidTokenException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String detail) {
        super(detail);
    }

    @Override
    public Problem problem() {
        return Problem.of("UNAUTHENTICATED", 401, "Authentication required", getMessage());
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("WWW-Authenticate", "Bearer realm=\"cpq\", error=\"invalid_token\"");
    }
}
