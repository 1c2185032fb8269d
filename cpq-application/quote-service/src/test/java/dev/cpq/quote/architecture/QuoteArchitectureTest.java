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
}
