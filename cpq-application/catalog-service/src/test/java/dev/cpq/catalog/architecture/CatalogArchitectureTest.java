package dev.cpq.catalog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.platform.architecture.BceConventions;
import org.junit.jupiter.api.Test;

class CatalogArchitectureTest {

    private static final String CATALOG = "dev.cpq.catalog";

    @Test
    void catalogFollowsTheBoundaryControlEntityConvention() {
        assertThat(BceConventions.productionClasses(CATALOG)).isNotEmpty();
        BceConventions.check(CATALOG);
    }

    /** The catalog version aggregate (catalog.core) is imported by drafting, editing, publication and reads, and imports none of them. */
    @Test
    void theCatalogAggregateKnowsNoUseCase() {
        BceConventions.aggregateKnowsNoUseCase(CATALOG, "core").check(BceConventions.productionClasses(CATALOG));
    }

    @Test
    void catalogUseCasesAreFreeOfCycles() {
        BceConventions.useCasesAreFreeOfCycles(CATALOG).check(BceConventions.productionClasses(CATALOG));
    }
}
