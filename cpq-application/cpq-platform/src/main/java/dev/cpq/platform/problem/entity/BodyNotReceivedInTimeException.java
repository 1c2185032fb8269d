package dev.cpq.platform.problem.entity;

import java.util.Map;

/**
 * A request body that stopped arriving: the HTTP layer gave up waiting for its next bytes (its read
 * timeout). The client's doing, not an incident: 408, and the connection is closed.
 */
public class BodyNotReceivedInTimeException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public BodyNotReceivedInTimeException() {
        super("The request body was not received in time.");
    }

    @Override
    public Problem problem() {
        return Problem.of("REQUEST_TIMEOUT", 408, "Request timeout", getMessage());
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Connection", "close");
    }
}
