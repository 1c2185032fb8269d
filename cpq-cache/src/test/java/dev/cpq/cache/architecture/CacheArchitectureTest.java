package dev.cpq.cache.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cpq.archfixture.cycle.first.Caller;
import dev.cpq.archfixture.cycle.second.Callee;
import dev.cpq.archfixture.lower.PublicationTypes;
import dev.cpq.archfixture.lower.QuoteCacheWarmer;
import dev.cpq.archfixture.lower.RowCounter;
import dev.cpq.testing.ModuleConventions;
import dev.cpq.testing.TenantWide;
import org.junit.jupiter.api.Test;

class CacheArchitectureTest {

    @Test
    void theCacheKnowsNoServiceAndHasNoPackageCycle() {
        assertThat(ModuleConventions.productionClasses("dev.cpq.cache")).isNotEmpty();
        ModuleConventions.checkServiceAgnostic("dev.cpq.cache");
    }

    @Test
    void conventionRejectsAClassNamedAfterAService() {
        var classes = new ClassFileImporter().importClasses(QuoteCacheWarmer.class);
        assertThatThrownBy(() -> ModuleConventions.namesNoService("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("QuoteCacheWarmer");
    }

    @Test
    void conventionRejectsAServiceEventName() {
        var classes = new ClassFileImporter().importClasses(PublicationTypes.class);
        assertThatThrownBy(() -> ModuleConventions.namesNoServiceEvent("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CatalogPublished");
    }

    @Test
    void conventionRejectsAPackageCycle() {
        var classes = new ClassFileImporter().importClasses(Caller.class, Callee.class);
        assertThatThrownBy(() -> ModuleConventions.packagesFreeOfCycles("dev.cpq.archfixture.cycle").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle");
    }

    @Test
    void conventionRejectsSqlThatIsNotDeclaredTenantWide() {
        var classes = new ClassFileImporter().importClasses(RowCounter.class);
        assertThatThrownBy(() -> ModuleConventions.sqlIsDeclaredTenantWide("dev.cpq.archfixture").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RowCounter");
        ModuleConventions.sqlIsDeclaredTenantWide("dev.cpq.archfixture", TenantWide.of(RowCounter.class, "counts every tenant's rows")).check(classes);
    }
}
