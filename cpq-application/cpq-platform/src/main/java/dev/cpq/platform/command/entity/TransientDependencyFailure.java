package dev.cpq.platform.command.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Another service (or a dependency of this one) gave no clear answer right now: unreachable, slower than
 * its timeout, an answer that cannot be read. 503 {@code <DEPENDENCY>_UNAVAILABLE} with Retry-After; a
 * decision is never taken on a guess. Any remote client throws it (or a subclass). Inside an idempotent
 * command it is not the key's answer: the command pipeline gives the Idempotency-Key back, so the
 * client's retry with the same key runs the command again.
 */
public class TransientDependencyFailure extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String dependency;

    /**
     * @param dependency the service that did not answer, lower case ({@code catalog}, {@code pricing}):
     *                   the code is {@code CATALOG_UNAVAILABLE}, the detail starts with {@code catalog-service:}
     */
    public TransientDependencyFailure(String dependency, String detail, Throwable cause) {
        super(Objects.requireNonNull(dependency, "dependency") + "-service: " + detail, cause);
        this.dependency = dependency;
    }

    /** The service that did not answer. */
    public String dependency() {
        return dependency;
    }

    @Override
    public Problem problem() {
        return Problem.of(dependency.toUpperCase(Locale.ROOT) + "_UNAVAILABLE", 503, "Dependency unavailable", getMessage())
                .with("remediation", "Retry shortly (a new attempt may reuse the Idempotency-Key); if it persists, check " + dependency
                        + "-service's health.");
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "2");
    }
}
