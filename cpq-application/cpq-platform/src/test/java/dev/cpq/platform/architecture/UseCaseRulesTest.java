package dev.cpq.platform.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cpq.archfixture.billing.control.Billing;
import dev.cpq.archfixture.ledger.entity.Ledger;
import dev.cpq.archfixture.order.control.UnscopedOrders;
import dev.cpq.archfixture.shipping.control.Shipping;
import org.junit.jupiter.api.Test;

/** The rules between use cases and the aggregate fail on their fixtures (each service's test applies them to its code). */
class UseCaseRulesTest {

    @Test
    void rejectsAnAggregateThatKnowsAUseCase() {
        var classes = new ClassFileImporter().importClasses(Ledger.class, UnscopedOrders.class);
        assertThatThrownBy(() -> BceConventions.aggregateKnowsNoUseCase("dev.cpq.archfixture", "ledger").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Ledger")
                .hasMessageContaining("UnscopedOrders");
    }

    @Test
    void rejectsUseCasesThatImportEachOther() {
        var classes = new ClassFileImporter().importClasses(Billing.class, Shipping.class);
        assertThatThrownBy(() -> BceConventions.useCasesAreFreeOfCycles("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("billing")
                .hasMessageContaining("shipping");
    }
}
