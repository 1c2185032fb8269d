package dev.cpq.platform.command.control;

import dev.cpq.platform.command.entity.DependencyMovedException;
import dev.cpq.platform.command.entity.TransientDependencyFailure;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * A command whose validated versions moved under its row lock ({@link DependencyMovedException}: its
 * transaction rolled back, its key given back) runs again from its read-ahead, at most {@value #ATTEMPTS}
 * times; then 503 naming the dependency that kept moving (retry shortly), never a commit on what might
 * be stale. {@code cpq_commands_revalidated_total{command}} counts the attempts that ran again.
 */
@ApplicationScoped
public class Revalidation {

    public static final int ATTEMPTS = 3;

    private MeterRegistry registry;

    protected Revalidation() {}

    @Inject
    public Revalidation(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param attempt one whole attempt, from the read-ahead to the commit */
    public <T> T run(String command, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (DependencyMovedException moved) {
                registry.counter("cpq.commands.revalidated", "command", command).increment();
                if (n >= ATTEMPTS) {
                    throw new TransientDependencyFailure(moved.dependency(), "versions kept moving while the command was validated ("
                            + moved.getMessage() + ")", moved);
                }
            }
        }
    }
}
