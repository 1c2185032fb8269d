package dev.cpq.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for the modules below the services (cpq-cache, cpq-messaging) and the event contract (cpq-events):
 * the lower modules know no service, every module's packages are free of cycles, and every class that runs
 * SQL there is declared {@link TenantWide} (these modules know no request tenant: the tenant is a column of
 * each row they handle, or their caller's argument).
 */
public final class ModuleConventions {

    /** The services, as packages: {@code dev.cpq.catalog..} and so on. */
    private static final String[] SERVICE_PACKAGES = {"dev.cpq.catalog..", "dev.cpq.pricing..", "dev.cpq.quote..", "dev.cpq.order.."};
    /** A service's name as a word of a class or package name ({@code QuoteSummary}, not {@code Recorder}). */
    private static final Pattern SERVICE_WORD = Pattern.compile("(Catalog|Pricing|Quote|Order)(?![a-z])|\\.(catalog|pricing|quote|order)(\\.|$)");
    /** A service's event, as a constant or reference anywhere in a class file. */
    private static final Pattern SERVICE_EVENT = Pattern.compile(
            "(Catalog|PriceList|ApprovalPolicy|Quote|Order|RuleGraph)(Published|Accepted|Submitted|Created|Approved|Rejected|Placed)");

    /** The {@code java.sql.Connection} methods that make a statement: a class calling one runs SQL itself. */
    private static final Set<String> STATEMENT_FACTORIES = Set.of("prepareStatement", "prepareCall", "createStatement");

    private ModuleConventions() {}

    /** The production classes under a package (tests excluded). */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage);
    }

    /**
     * A module below the services: knows none of them, by dependency, by name or by event name; no package
     * cycles; whatever runs SQL is declared tenant-wide with its reason.
     */
    public static void checkServiceAgnostic(String rootPackage, TenantWide... tenantWide) {
        JavaClasses classes = productionClasses(rootPackage);
        dependsOnNoService(rootPackage).check(classes);
        dependsOnNoEventContract(rootPackage).check(classes);
        namesNoService(rootPackage).check(classes);
        namesNoServiceEvent(rootPackage).check(classes);
        packagesFreeOfCycles(rootPackage).check(classes);
        sqlIsDeclaredTenantWide(rootPackage, tenantWide).check(classes);
        tenantWideClassesRunSql(classes, tenantWide);
    }

    /** The event contract: shared by the services, it depends on none of them; no package cycles; it runs no undeclared SQL. */
    public static void checkContract(String rootPackage) {
        JavaClasses classes = productionClasses(rootPackage);
        dependsOnNoService(rootPackage).check(classes);
        packagesFreeOfCycles(rootPackage).check(classes);
        sqlIsDeclaredTenantWide(rootPackage).check(classes);
    }

    /** Runs SQL itself: makes a statement on a {@code java.sql.Connection} (a class that only hands a connection on runs none). */
    public static DescribedPredicate<JavaClass> runSql() {
        return DescribedPredicate.describe("run SQL through JDBC", c -> c.getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().getName().equals("java.sql.Connection") && STATEMENT_FACTORIES.contains(call.getName())));
    }

    /** One of the classes declared tenant-wide (or nested in one). */
    public static DescribedPredicate<JavaClass> declaredTenantWide(TenantWide... tenantWide) {
        List<TenantWide> declared = List.of(tenantWide);
        return DescribedPredicate.describe("are declared tenant-wide", c -> declared.stream().anyMatch(t -> t.covers(c)));
    }

    /** Below the services there is no request tenant: every class that runs SQL is declared tenant-wide with its reason. */
    public static ArchRule sqlIsDeclaredTenantWide(String rootPackage, TenantWide... tenantWide) {
        return classes().that().resideInAPackage(rootPackage + "..").and(runSql()).should(new ArchCondition<JavaClass>(
                "be declared tenant-wide with a reason") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!declaredTenantWide(tenantWide).test(c)) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " runs SQL and is not declared tenant-wide"));
                }
            }
        }).because("a query of a tenant's data either binds the request's tenant or says why it serves every tenant")
                .allowEmptyShould(true);
    }

    /** A declaration outlives no class: each names a class (or one nested in it) that still runs SQL. */
    public static void tenantWideClassesRunSql(JavaClasses classes, TenantWide... tenantWide) {
        List<String> stale = Arrays.stream(tenantWide)
                .filter(t -> classes.stream().noneMatch(c -> t.covers(c) && runSql().test(c)))
                .map(TenantWide::className).toList();
        if (!stale.isEmpty()) {
            throw new AssertionError("declared tenant-wide but running no SQL (or gone): " + stale);
        }
    }

    public static ArchRule dependsOnNoService(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE_PACKAGES)
                .because("the shared modules serve any service and are deployed in every one");
    }

    public static ArchRule dependsOnNoEventContract(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAPackage("dev.cpq.events..")
                .because("what a service publishes is the event contract's; the modules below it stay generic");
    }

    public static ArchRule namesNoService(String rootPackage) {
        return classes().that().resideInAPackage(rootPackage + "..").should(new ArchCondition<JavaClass>("not be named after a service") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (SERVICE_WORD.matcher(c.getName().substring(rootPackage.length())).find()) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " is named after a service"));
                }
            }
        }).because("a class named after a service belongs to that service or to the event contract");
    }

    public static ArchRule namesNoServiceEvent(String rootPackage) {
        return classes().that().resideInAPackage(rootPackage + "..").should(new ArchCondition<JavaClass>("not name a service's event") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Matcher m = SERVICE_EVENT.matcher(classFile(c));
                if (m.find()) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " names the service event " + m.group()));
                }
            }
        }).because("event names and who publishes them are the event contract's (cpq-events)");
    }

    public static ArchRule packagesFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }

    /** The class file's bytes as text: its constant pool holds every string literal and every name it refers to. */
    private static String classFile(JavaClass c) {
        try (InputStream in = c.reflect().getClassLoader().getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
