package dev.cpq.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cpq.archfixture.checkout.control.Paying;
import dev.cpq.archfixture.core.entity.CartThatKnowsCheckout;
import dev.cpq.archfixture.delivery.control.Shipping;
import dev.cpq.archfixture.order.boundary.OrderResource;
import dev.cpq.archfixture.order.control.UnscopedJdbcOrders;
import dev.cpq.archfixture.order.control.UnscopedOrders;
import dev.cpq.archfixture.order.entity.LeakyOrder;
import dev.cpq.platform.health.control.PostgresProbe;
import dev.cpq.platform.idempotency.control.IdempotencyRecords;
import dev.cpq.platform.messaging.control.MessagingRuntime;
import dev.cpq.testing.ModuleConventions;
import dev.cpq.testing.TenantWide;
import org.junit.jupiter.api.Test;

/** The convention on the platform's own code, and each rule failing on its fixture ({@code dev.cpq.archfixture}). */
class PlatformArchitectureTest {

    /** The platform's classes that run SQL without the request's {@code TenantContext}, and why. */
    static final TenantWide[] TENANT_WIDE = {
            TenantWide.of(IdempotencyRecords.class, "the tenant comes in the IdempotentRequest, which IdempotentCommandResponses builds"
                    + " from the TenantContext; the purge of expired records serves every tenant"),
            TenantWide.of(MessagingRuntime.class, "the outbox status takes the tenant that OutboxOperationsResource reads from the"
                    + " TenantContext; consumer health is the process's, not a tenant's"),
            TenantWide.of(PostgresProbe.class, "reads the current schema, no tenant's data"),
    };

    @Test
    void platformFollowsTheBoundaryControlEntityConvention() {
        assertThat(BceConventions.productionClasses("dev.cpq.platform")).isNotEmpty();
        BceConventions.check("dev.cpq.platform", TENANT_WIDE);
    }

    @Test
    void conventionRejectsARepositoryThatIgnoresTheTenant() {
        var classes = new ClassFileImporter().importClasses(UnscopedOrders.class);
        assertThatThrownBy(() -> BceConventions.repositoriesAreTenantScoped("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UnscopedOrders");
    }

    @Test
    void conventionRejectsAJdbcRepositoryThatIgnoresTheTenant() {
        var classes = new ClassFileImporter().importClasses(UnscopedJdbcOrders.class);
        assertThatThrownBy(() -> BceConventions.repositoriesAreTenantScoped("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UnscopedJdbcOrders");
    }

    @Test
    void conventionAcceptsAJdbcRepositoryDeclaredTenantWideWithItsReason() {
        var classes = new ClassFileImporter().importClasses(UnscopedJdbcOrders.class);
        BceConventions.repositoriesAreTenantScoped("dev.cpq.archfixture",
                TenantWide.of(UnscopedJdbcOrders.class, "counts every tenant's orders for the fixture")).check(classes);
    }

    @Test
    void conventionRejectsATenantWideDeclarationOfAClassThatRunsNoSql() {
        var classes = new ClassFileImporter().importClasses(UnscopedJdbcOrders.class, OrderResource.class);
        assertThatThrownBy(() -> ModuleConventions.tenantWideClassesRunSql(classes, TenantWide.of(OrderResource.class, "runs no SQL")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderResource");
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
                .hasMessageContaining("CartThatKnowsCheckout")
                .hasMessageContaining("Paying");
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
