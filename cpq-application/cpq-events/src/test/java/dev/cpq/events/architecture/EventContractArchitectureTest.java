package dev.cpq.events.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cpq.archfixture.contract.LeakyEvent;
import dev.cpq.testing.ModuleConventions;
import org.junit.jupiter.api.Test;

class EventContractArchitectureTest {

    @Test
    void theContractDependsOnNoServiceAndHasNoPackageCycle() {
        assertThat(ModuleConventions.productionClasses("dev.cpq.events")).isNotEmpty();
        ModuleConventions.checkContract("dev.cpq.events");
    }

    @Test
    void conventionRejectsADependencyOnAService() {
        var classes = new ClassFileImporter().importClasses(LeakyEvent.class);
        assertThatThrownBy(() -> ModuleConventions.dependsOnNoService("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("QuoteInternals");
    }

    @Test
    void conventionRejectsALowerModuleUsingTheContract() {
        var classes = new ClassFileImporter().importClasses(LeakyEvent.class);
        assertThatThrownBy(() -> ModuleConventions.dependsOnNoEventContract("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CatalogPublished");
    }
}
