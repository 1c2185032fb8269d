package dev.cpq.quote.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.platform.architecture.BceConventions;
import org.junit.jupiter.api.Test;

class QuoteArchitectureTest {

    @Test
    void quoteFollowsTheBoundaryControlEntityConvention() {
        assertThat(BceConventions.productionClasses("dev.cpq.quote")).isNotEmpty();
        BceConventions.check("dev.cpq.quote");
    }

    /** {@code quote.core} (the Quote aggregate) imports no use case; what other services answer ({@code authority}) it may. */
    @Test
    void theQuoteAggregateImportsNoUseCase() {
        BceConventions.aggregateKnowsNoUseCase("dev.cpq.quote", "core", "authority").check(BceConventions.productionClasses("dev.cpq.quote"));
    }

    @Test
    void useCasePackagesAreFreeOfCycles() {
        BceConventions.useCasesAreFreeOfCycles("dev.cpq.quote").check(BceConventions.productionClasses("dev.cpq.quote"));
    }
}
