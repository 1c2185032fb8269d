package dev.cpq.pricing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.platform.architecture.BceConventions;
import org.junit.jupiter.api.Test;

class PricingArchitectureTest {

    @Test
    void pricingFollowsTheBoundaryControlEntityConvention() {
        assertThat(BceConventions.productionClasses("dev.cpq.pricing")).isNotEmpty();
        BceConventions.check("dev.cpq.pricing");
    }
}
