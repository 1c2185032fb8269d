package dev.cpq.quote.drafting.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * Catalog-service found lines whose configuration is invalid: 422 {@code CONFIGURATION_INVALID} with
 * every violation ({@code lineIndex}, {@code code}, {@code option}, {@code message}); nothing is stored.
 */
public class ConfigurationInvalidException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final List<Map<String, Object>> violations;

    public ConfigurationInvalidException(List<Map<String, Object>> violations) {
        super("The configuration of " + violations.stream().map(v -> v.get("lineIndex")).distinct().count()
                + " line(s) is invalid in the catalog.");
        this.violations = List.copyOf(violations);
    }

    @Override
    public Problem problem() {
        return Problem.of("CONFIGURATION_INVALID", 422, "Invalid configuration", getMessage())
                .with("violations", violations)
                .with("remediation", "Change the options as the violations say and replace the lines again.");
    }
}
