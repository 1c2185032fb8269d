package dev.cpq.pricing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.platform.architecture.BceConventions;
import dev.cpq.pricing.calculation.control.CatalogPublicationReplica;
import dev.cpq.testing.TenantWide;
import org.junit.jupiter.api.Test;

class PricingArchitectureTest {

    private static final String PRICING = "dev.cpq.pricing";

    @Test
    void pricingFollowsTheBoundaryControlEntityConvention() {
        assertThat(BceConventions.productionClasses(PRICING)).isNotEmpty();
        BceConventions.check(PRICING, TenantWide.of(CatalogPublicationReplica.class,
                "a consumer of every tenant's CatalogPublished events: the tenant is the event's, in the inbox transaction"));
    }

    /** The price list and the approval policy aggregates know no use case (money is their shared value package). */
    @Test
    void thePricingAggregatesKnowNoUseCase() {
        var classes = BceConventions.productionClasses(PRICING);
        BceConventions.aggregateKnowsNoUseCase(PRICING, "pricelist", "money").check(classes);
        BceConventions.aggregateKnowsNoUseCase(PRICING, "approval", "money").check(classes);
    }

    @Test
    void pricingUseCasesAreFreeOfCycles() {
        BceConventions.useCasesAreFreeOfCycles(PRICING).check(BceConventions.productionClasses(PRICING));
    }
}
