package dev.cpq.platform.problem.entity;

import java.util.Map;

/**
 * A request body whose connection ended (closed, reset) before the declared or chunked body did: the
 * client's doing, not an incident. 400; the client has usually gone and never reads it, but the request
 * is logged and counted as refused input, not as a failure of the service.
 */
public class IncompleteBodyException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public IncompleteBodyException() {
        super("The connection ended before the request body did.");
    }

    @Override
    public Problem problem() {
        return Problem.of("REQUEST_BODY_INCOMPLETE", 400, "Incomplete request body", getMessage());
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Connection", "close");
    }
}
