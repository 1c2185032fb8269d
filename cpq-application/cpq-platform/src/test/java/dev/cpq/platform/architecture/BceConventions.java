package dev.cpq.platform.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.cpq.testing.ModuleConventions;
import dev.cpq.testing.TenantWide;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The suite's one package convention: {@code dev.cpq.<component>.<use case>.{boundary,control,entity}}.
 * Boundary (JAX-RS) may use control and entity; control may use entity; entity knows neither.
 */
public final class BceConventions {

    private BceConventions() {}

    /** The production classes of a component (tests excluded). */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage);
    }

    /**
     * Checks every rule of the convention; the first violated rule fails with all its violations listed.
     *
     * @param tenantWide the classes that run SQL for every tenant, each with its reason (see {@link #repositoriesAreTenantScoped})
     */
    public static void check(String rootPackage, TenantWide... tenantWide) {
        JavaClasses classes = productionClasses(rootPackage);
        entitiesKnowNoControlOrBoundary(rootPackage).check(classes);
        controlKnowsNoBoundary(rootPackage).check(classes);
        onlyBoundariesUseJaxRs(rootPackage).check(classes);
        everyClassLivesInARole(rootPackage).check(classes);
        repositoriesAreTenantScoped(rootPackage, tenantWide).check(classes);
        ModuleConventions.tenantWideClassesRunSql(classes, tenantWide);
    }

    public static ArchRule entitiesKnowNoControlOrBoundary(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..entity..")
                .should().dependOnClassesThat().resideInAnyPackage(rootPackage + "..control..", rootPackage + "..boundary..")
                .because("entities hold business rules and must not depend on how they are used or exposed");
    }

    public static ArchRule controlKnowsNoBoundary(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..control..")
                .should().dependOnClassesThat().resideInAPackage(rootPackage + "..boundary..")
                .because("application services must not depend on the REST layer");
    }

    public static ArchRule onlyBoundariesUseJaxRs(String rootPackage) {
        return noClasses().that().resideInAnyPackage(rootPackage + "..entity..", rootPackage + "..control..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .because("HTTP concerns stay in the boundary");
    }

    /**
     * Forgetting the tenant is made hard: whatever queries through JPA (an {@code EntityManager} field) or runs
     * SQL through JDBC (makes a statement on a {@code java.sql.Connection}) must also know the request's
     * {@code TenantContext} (and bind it in its queries), unless the module's architecture test declares it
     * {@link TenantWide} with the reason (it serves every tenant, or its caller hands it the token's tenant).
     */
    public static ArchRule repositoriesAreTenantScoped(String rootPackage, TenantWide... tenantWide) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage(rootPackage + "..")
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("use an EntityManager",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getFields().stream()
                                .anyMatch(f -> f.getRawType().isEquivalentTo(jakarta.persistence.EntityManager.class)))
                        .or(ModuleConventions.runSql()))
                .and(not(ModuleConventions.declaredTenantWide(tenantWide)))
                .should(com.tngtech.archunit.lang.conditions.ArchConditions.dependOnClassesThat(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("TenantContext")))
                .because("every query of a tenant's data is scoped by the tenant of the token")
                .allowEmptyShould(true);
    }

    public static ArchRule everyClassLivesInARole(String rootPackage) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage(rootPackage + "..")
                .and().doNotHaveSimpleName("package-info")
                .should().resideInAnyPackage(rootPackage + "..boundary..", rootPackage + "..control..", rootPackage + "..entity..")
                .orShould().resideInAPackage(rootPackage)
                .because("a reader finds a use case by its name and each class by its role");
    }

    /**
     * The aggregate in its own bottom package ({@code <root>.<aggregate>..}) that the use cases import and that
     * imports none of them: it may use only itself, the packages named as shared (e.g. what other services
     * answer), and anything outside the component.
     */
    public static ArchRule aggregateKnowsNoUseCase(String rootPackage, String aggregatePackage, String... sharedPackages) {
        String[] allowed = Stream.concat(Stream.of(aggregatePackage), Arrays.stream(sharedPackages)).map(p -> rootPackage + "." + p + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(rootPackage + "." + aggregatePackage + "..")
                .should().dependOnClassesThat(resideInAPackage(rootPackage + "..").and(not(resideInAnyPackage(allowed))))
                .because("every use case imports the aggregate; an aggregate that imports a use case ties them all together");
    }

    /** Use-case packages ({@code <root>.<use case>..}) import one another only one way. */
    public static ArchRule useCasesAreFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                .because("a use case is read and changed on its own only when no other use case reaches back into it");
    }
}
