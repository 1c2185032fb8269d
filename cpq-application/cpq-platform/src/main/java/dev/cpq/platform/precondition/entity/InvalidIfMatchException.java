package dev.cpq.platform.precondition.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.List;
import java.util.Map;

public class InvalidIfMatchException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public InvalidIfMatchException() {
        super("If-Match must be an ETag this service issued, such as \"3\".");
    }

    @Override
    public Problem problem() {
        return Problem.of("VALIDATION_FAILED", 400, "Invalid If-Match", getMessage())
                .with("violations", List.of(Map.of("field", "If-Match", "message", getMessage())));
    }
}
