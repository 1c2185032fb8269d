package dev.cpq.platform.command.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.command.entity.DependencyMovedException;
import dev.cpq.platform.command.entity.TransientDependencyFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RevalidationTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Revalidation revalidation = new Revalidation(registry);
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void versionsThatKeepMovingEndIn503NamingTheDependencyThatMoved() {
        assertThatThrownBy(() -> revalidation.run("quote.submit", () -> {
            attempts.incrementAndGet();
            throw new DependencyMovedException("catalog", "validated on catalog 7; pointer now 8");
        })).isInstanceOfSatisfying(TransientDependencyFailure.class, e -> {
            assertThat(e.dependency()).isEqualTo("catalog");
            assertThat(e.problem().getStatus()).isEqualTo(503);
            assertThat(e.problem().getCode()).isEqualTo("CATALOG_UNAVAILABLE");
            assertThat(e.headers()).containsEntry("Retry-After", "2");
        });
        assertThat(attempts).hasValue(Revalidation.ATTEMPTS);
        assertThat(registry.counter("cpq.commands.revalidated", "command", "quote.submit").count()).isEqualTo(3);
    }

    @Test
    void versionsThatMovedOnceSucceedOnTheSecondAttempt() {
        String answer = revalidation.run("quote.accept", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new DependencyMovedException("pricing", "price list 3 -> 4");
            }
            return "committed";
        });
        assertThat(answer).isEqualTo("committed");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        assertThatThrownBy(() -> revalidation.run("quote.price", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a defect");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
