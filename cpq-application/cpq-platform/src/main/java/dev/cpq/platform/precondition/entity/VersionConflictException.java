package dev.cpq.platform.precondition.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.Locale;

/**
 * The command was made against another version than the aggregate has now: 412 with the stable code
 * {@code <AGGREGATE>_VERSION_CONFLICT}. Nothing is retried automatically: the user decides again.
 */
public class VersionConflictException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String aggregate;
    private final Long expected;
    private final Long current;

    /** @param aggregate the aggregate's name in codes, e.g. {@code CATALOG} or {@code QUOTE} */
    public VersionConflictException(String aggregate, Long expected, Long current) {
        super("The " + aggregate.toLowerCase(Locale.ROOT).replace('_', ' ') + " was changed by someone else"
                + (current == null ? "." : ": it is at version " + current + (expected == null ? "." : ", not " + expected + ".")));
        this.aggregate = aggregate;
        this.expected = expected;
        this.current = current;
    }

    @Override
    public Problem problem() {
        Problem p = Problem.of(aggregate + "_VERSION_CONFLICT", 412, "Version conflict", getMessage())
                .with("remediation", "Read it again, reapply your change, and send the new ETag as If-Match.");
        if (expected != null) {
            p = p.with("expectedVersion", expected);
        }
        if (current != null) {
            p = p.with("currentVersion", current);
        }
        return p;
    }
}
