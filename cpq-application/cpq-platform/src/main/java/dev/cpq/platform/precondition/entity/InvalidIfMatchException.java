package dev.cpq.platform.precondition.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.List;
import java.util.Map;

public class InvalidIfMatchException extends ProblemException {

    private static final long serialVersionUID = 1L;

    public InvalidIfMatchException() {
        this("If-Match must be an ETag this service issued, such as \"3\".");
    }

    private InvalidIfMatchException(String detail) {
        super(detail);
    }

    /** A weak ETag ({@code W/"3"}) as a precondition: refused (400), never read as the version it names. */
    public static InvalidIfMatchException weak() {
        return new InvalidIfMatchException("If-Match must be a strong ETag such as \"3\": a weak ETag (W/\"3\") is not a precondition.");
    }

    @Override
    public Problem problem() {
        return Problem.of("VALIDATION_FAILED", 400, "Invalid If-Match", getMessage())
                .with("violations", List.of(Map.of("field", "If-Match", "message", getMessage())));
    }
}
