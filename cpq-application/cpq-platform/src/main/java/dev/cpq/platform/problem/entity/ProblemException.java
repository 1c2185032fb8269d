package dev.cpq.platform.problem.entity;

import java.util.Map;

/**
 * Root of every failure the suite reports to a client on purpose. Subclasses name one business rule
 * each; the boundary turns them into RFC 9457 bodies without knowing any of them.
 */
public abstract class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ProblemException(String detail) {
        super(detail);
    }

    protected ProblemException(String detail, Throwable cause) {
        super(detail, cause);
    }

    /** The body to send; the detail is this exception's message. */
    public abstract Problem problem();

    /** Response headers that belong to this failure (e.g. WWW-Authenticate, Retry-After). */
    public Map<String, String> headers() {
        return Map.of();
    }
}
