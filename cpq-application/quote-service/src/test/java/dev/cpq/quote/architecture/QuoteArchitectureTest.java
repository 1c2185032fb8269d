package dev.cpq.quote.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.platform.architecture.BceConventions;
import dev.cpq.quote.expiry.control.JdbcExpiredQuotes;
import dev.cpq.testing.TenantWide;
import org.junit.jupiter.api.Test;

class QuoteArchitectureTest {

    @Test
    void quoteFollowsTheBoundaryControlEntityConvention() {
        assertThat(BceConventions.productionClasses("dev.cpq.quote")).isNotEmpty();
        BceConventions.check("dev.cpq.quote", TenantWide.of(JdbcExpiredQuotes.class, "the scheduled sweep expires every tenant's"
                + " due quotes (each row's tenant goes into its audit entry); an operator's sweep gets the tenant that"
                + " ExpiryOperationsResource reads from the TenantContext"));
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
