package dev.cpq.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cpq.archfixture.checkout.control.Paying;
import dev.cpq.archfixture.core.entity.CartThatKnowsCheckout;
import dev.cpq.archfixture.delivery.control.Shipping;
import dev.cpq.archfixture.order.boundary.OrderResource;
import dev.cpq.archfixture.order.entity.LeakyOrder;
import org.junit.jupiter.api.Test;

class PlatformArchitectureTest {

    @Test
    void platformFollowsTheBoundaryControlEntityConvention() {
        assertThat(BceConventions.productionClasses("dev.cpq.platform")).isNotEmpty();
        BceConventions.check("dev.cpq.platform");
    }

    @Test
    void conventionRejectsARepositoryThatIgnoresTheTenant() {
        var classes = new ClassFileImporter().importClasses(dev.cpq.archfixture.order.control.UnscopedOrders.class);
        assertThatThrownBy(() -> BceConventions.repositoriesAreTenantScoped("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UnscopedOrders");
    }

    @Test
    void conventionRejectsAnEntityThatDependsOnItsBoundary() {
        var classes = new ClassFileImporter().importClasses(LeakyOrder.class, OrderResource.class);
        assertThatThrownBy(() -> BceConventions.entitiesKnowNoControlOrBoundary("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyOrder");
    }

    @Test
    void conventionRejectsAnAggregateThatImportsAUseCase() {
        var classes = new ClassFileImporter().importClasses(CartThatKnowsCheckout.class, Paying.class);
        assertThatThrownBy(() -> BceConventions.aggregateKnowsNoUseCase("dev.cpq.archfixture", "core").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CartThatKnowsCheckout");
    }

    @Test
    void conventionRejectsUseCasesThatImportEachOther() {
        var classes = new ClassFileImporter().importClasses(Paying.class, Shipping.class);
        assertThatThrownBy(() -> BceConventions.useCasesAreFreeOfCycles("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Paying")
                .hasMessageContaining("Shipping");
    }
}
