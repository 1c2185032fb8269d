package dev.cpq.platform.problem.entity;

import java.util.Map;

/**
 * A request body over the suite's limit, declared (Content-Length) or found while reading (chunked):
 * 413, and the connection is closed, so the rest of the body is never read.
 */
public class PayloadTooLargeException extends ProblemException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("Request bodies are limited to " + limit + " bytes.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    @Override
    public Problem problem() {
        return Problem.of("PAYLOAD_TOO_LARGE", 413, "Payload too large", getMessage());
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Connection", "close");
    }
}
