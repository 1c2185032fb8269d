package dev.cpq.platform.command.entity;

import java.util.Objects;

/**
 * Under the aggregate's row lock, a command found that a dependency it validated against has published
 * a newer version since (a version pointer moved). The command's transaction rolls back (the lock
 * released, the Idempotency-Key given back) and the pipeline runs it again from its read-ahead; when the
 * versions keep moving, the answer is that dependency's 503. Never a problem answer itself.
 */
public class DependencyMovedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String dependency;

    /** @param dependency the service whose version moved ({@code catalog}, {@code pricing}) */
    public DependencyMovedException(String dependency, String detail) {
        super(detail, null, false, false);
        this.dependency = Objects.requireNonNull(dependency, "dependency");
    }

    public String dependency() {
        return dependency;
    }
}
