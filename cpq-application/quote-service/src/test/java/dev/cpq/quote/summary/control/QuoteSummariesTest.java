package dev.cpq.quote.summary.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.platform.command.entity.AggregateChanged;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The summary cache invalidates itself on the change event the command pipeline fires inside the
 * command's transaction: only once that transaction committed (the container calls an AFTER_SUCCESS
 * observer after the commit, never after a rollback). The deployed behaviour:
 * {@code QuoteSummaryInvalidationScenarioTest} in cpq-tests.
 */
class QuoteSummariesTest {

    @Test
    void theSummaryIsInvalidatedAfterACommitOnly() {
        Method observer = Arrays.stream(QuoteSummaries.class.getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == AggregateChanged.class)
                .findFirst().orElseThrow(() -> new AssertionError("QuoteSummaries observes no AggregateChanged"));
        Observes observes = Arrays.stream(observer.getParameterAnnotations()[0]).filter(Observes.class::isInstance).map(Observes.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError(observer + " is no observer"));
        assertThat(observes.during()).isEqualTo(TransactionPhase.AFTER_SUCCESS);
    }
}
