package dev.cpq.platform.problem.entity;

import java.util.List;
import java.util.Map;

/** A request whose fields are each well-formed but do not fit together: 400 naming the field. */
public class InvalidRequestException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    @Override
    public Problem problem() {
        return Problem.of("VALIDATION_FAILED", 400, "Invalid request", getMessage())
                .with("violations", List.of(Map.of("field", field, "message", getMessage())));
    }
}
