package dev.cpq.catalog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.platform.architecture.BceConventions;
import org.junit.jupiter.api.Test;

class CatalogArchitectureTest {

    @Test
    void catalogFollowsTheBoundaryControlEntityConvention() {
        assertThat(BceConventions.productionClasses("dev.cpq.catalog")).isNotEmpty();
        BceConventions.check("dev.cpq.catalog");
    }
}
