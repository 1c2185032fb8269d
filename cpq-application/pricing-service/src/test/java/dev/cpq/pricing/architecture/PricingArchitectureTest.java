package dev.cpq.pricing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.platform.architecture.BceConventions;
import org.junit.jupiter.api.Test;

class PricingArchitectureTest {

    private static final String PRICING = "dev.cpq.pricing";

    @Test
    void pricingFollowsTheBoundaryControlEntityConvention() {
        assertThat(BceConventions.productionClasses(PRICING)).isNotEmpty();
        BceConventions.check(PRICING);
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
