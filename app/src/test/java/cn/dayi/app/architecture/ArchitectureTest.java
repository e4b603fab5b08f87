package cn.dayi.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Module dependencies point one way (… ← marketplace ← operator-portal, ops ← app), and other modules use only a module's public API. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.dayi");
    }

    @Test
    void searchIsALeafThatKnowsNothingOfTheDomain() {
        noClasses().that().resideInAPackage("cn.dayi.search..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.dayi.marketplace..", "cn.dayi.app..", "cn.dayi.ops..")
                .check(classes);
    }

    @Test
    void marketplaceDoesNotDependOnTheDeployableNorOnThePortalsNorOnOps() {
        noClasses().that().resideInAPackage("cn.dayi.marketplace..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.dayi.app..", "cn.dayi.operator..", "cn.dayi.ops..")
                .check(classes);
    }

    @Test
    void opsDependsOnMarketplaceOnlyNotOnThePortalsNorTheDeployable() {
        noClasses().that().resideInAPackage("cn.dayi.ops..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.dayi.app..", "cn.dayi.operator..",
                        "cn.dayi.search..")
                .check(classes);
    }

    @Test
    void operatorPortalDoesNotDependOnOps() {
        noClasses().that().resideInAPackage("cn.dayi.operator..")
                .should().dependOnClassesThat().resideInAPackage("cn.dayi.ops..")
                .check(classes);
    }

    @Test
    void quartzJobsLiveInOpsJobsAndNeverRunTwiceAtOnce() {
        // a job only delegates to a use case; clustering + this annotation keep one run at a time
        classes().that().implement("org.quartz.Job")
                .should().resideInAPackage("cn.dayi.ops.jobs")
                .andShould().beAnnotatedWith("org.quartz.DisallowConcurrentExecution")
                .check(classes);
    }

    @Test
    void onlyOpsKnowsQuartz() {
        noClasses().that().resideOutsideOfPackage("cn.dayi.ops..")
                .should().dependOnClassesThat().resideInAPackage("org.quartz..")
                .check(classes);
    }

    @Test
    void searchSyncKnowsNoFeatureThatWritesToIt() {
        // features queue changes in the outbox (feature → searchsync); what a document needs from a
        // feature comes through an interface searchsync owns (e.g. ListedPrices)
        noClasses().that().resideInAPackage("cn.dayi.marketplace.searchsync..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.dayi.marketplace.tariff..",
                        "cn.dayi.marketplace.entrustment..", "cn.dayi.marketplace.account..",
                        "cn.dayi.marketplace.booking..")
                .check(classes);
    }

    @Test
    void operatorPortalDoesNotDependOnTheDeployable() {
        noClasses().that().resideInAPackage("cn.dayi.operator..")
                .should().dependOnClassesThat().resideInAPackage("cn.dayi.app..")
                .check(classes);
    }

    @Test
    void pricingIsAPureJavaLeaf() {
        noClasses().that().resideInAPackage("cn.dayi.pricing..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.dayi.marketplace..", "cn.dayi.search..",
                        "cn.dayi.operator..", "cn.dayi.ops..", "cn.dayi.app..", "io.micronaut..", "jakarta..")
                .check(classes);
    }

    @Test
    void localServicesStandAlone() {
        noClasses().that().resideInAPackage("cn.dayi.local..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.dayi.marketplace..", "cn.dayi.search..",
                        "cn.dayi.app..")
                .check(classes);
    }

    @Test
    void otherModulesUseOnlyTheSearchApi() {
        noClasses().that().resideOutsideOfPackage("cn.dayi.search..")
                .should().dependOnClassesThat().resideInAPackage("cn.dayi.search.elasticsearch..")
                .check(classes);
    }

    @Test
    void productionCodeDoesNotUseTestServices() {
        noClasses().that().resideInAnyPackage("cn.dayi.marketplace..", "cn.dayi.search..", "cn.dayi.ops..")
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.dayi.local.TestServices")
                .check(classes);
    }
}
