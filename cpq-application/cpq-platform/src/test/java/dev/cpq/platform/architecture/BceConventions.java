package dev.cpq.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

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

    /** Checks every rule of the convention; the first violated rule fails with all its violations listed. */
    public static void check(String rootPackage) {
        JavaClasses classes = productionClasses(rootPackage);
        entitiesKnowNoControlOrBoundary(rootPackage).check(classes);
        controlKnowsNoBoundary(rootPackage).check(classes);
        onlyBoundariesUseJaxRs(rootPackage).check(classes);
        everyClassLivesInARole(rootPackage).check(classes);
        repositoriesAreTenantScoped(rootPackage).check(classes);
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
     * Forgetting the tenant is made hard: whatever queries through JPA must also know the request's
     * {@code TenantContext} (and bind it in its queries).
     */
    public static ArchRule repositoriesAreTenantScoped(String rootPackage) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage(rootPackage + "..")
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("use an EntityManager",
                        c -> c.getFields().stream().anyMatch(f -> f.getRawType().isEquivalentTo(jakarta.persistence.EntityManager.class))))
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
     * The aggregate's own package ({@code <root>.<aggregate>}) is the bottom of the component: every use
     * case may import it, it imports no use case (only itself, the {@code shared} value packages and what
     * lies outside the component).
     */
    public static ArchRule aggregateKnowsNoUseCase(String rootPackage, String aggregatePackage, String... sharedPackages) {
        String[] own = java.util.stream.Stream.concat(java.util.stream.Stream.of(aggregatePackage), java.util.Arrays.stream(sharedPackages))
                .map(p -> rootPackage + "." + p + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(rootPackage + "." + aggregatePackage + "..")
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(rootPackage + "..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(own)))
                        .as("belong to a use case of " + rootPackage))
                .because("the aggregate is what use cases share; one that knew a use case would tie them all to it");
    }

    /** Use cases ({@code <root>.<use case>}) may import one another one way only: no cycle between them. */
    public static ArchRule useCasesAreFreeOfCycles(String rootPackage) {
        return com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching(rootPackage + ".(*)..")
                .should().beFreeOfCycles()
                .because("a reader follows a use case down to the aggregate without coming back to where they started");
    }
}
