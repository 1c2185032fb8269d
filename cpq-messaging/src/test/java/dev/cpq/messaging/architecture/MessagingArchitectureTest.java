package dev.cpq.messaging.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.testing.ModuleConventions;
import org.junit.jupiter.api.Test;

/** The rules' fixtures are in cpq-cache's and cpq-events' architecture tests. */
class MessagingArchitectureTest {

    @Test
    void messagingKnowsNoServiceAndHasNoPackageCycle() {
        assertThat(ModuleConventions.productionClasses("dev.cpq.messaging")).isNotEmpty();
        ModuleConventions.checkServiceAgnostic("dev.cpq.messaging");
    }
}
