package dev.cpq.catalog.core.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * What an editor sent for a draft is well-formed field by field but does not hold together (an option
 * code twice, a rule that requires and excludes the same pair): 400 VALIDATION_FAILED naming every
 * offending field, so the editor can correct them all at once.
 */
public class InvalidDraftContentException extends ProblemException {

    private static final long serialVersionUID = 1L;

    /** One offending field of the request body ({@code options[1].code}) and why. */
    public record Violation(String field, String message) {}

    private final List<Violation> violations;

    public InvalidDraftContentException(List<Violation> violations) {
        super(violations.size() + " field(s) are invalid: " + violations.get(0).message() + (violations.size() > 1 ? " (and more)" : ""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public Problem problem() {
        return Problem.of("VALIDATION_FAILED", 400, "Invalid request", getMessage())
                .with("violations", violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    }
}
