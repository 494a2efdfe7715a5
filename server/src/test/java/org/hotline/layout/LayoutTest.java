package org.hotline.layout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the source tree: packages form no cycle, and the domain — calls, agents, queues, offers,
 * campaigns, cases, customers, reports, access — knows nothing of Asterisk, Vert.x, MongoDB or the adapters; only
 * the store knows MongoDB.
 */
class LayoutTest {

    /** The rooms of the domain: they may use each other and the shared value types, nothing at the edges. */
    static final String[] DOMAIN = {
        "org.hotline.shared..", "org.hotline.call..", "org.hotline.routing..", "org.hotline.customer..",
        "org.hotline.cases..", "org.hotline.campaign..", "org.hotline.report..", "org.hotline.access..",
        "org.hotline.audit..", "org.hotline.recovery..", "org.hotline.live..", "org.hotline.lease..",
        "org.hotline.reporting.."};

    /** What lives at the edges: engines and the adapters that speak to them. */
    static final String[] EDGES = {
        "io.vertx..", "org.asteriskjava..", "com.mongodb..", "org.bson..", "de.bwaldvogel..", "io.micrometer..",
        "com.fasterxml..", "org.hotline.server..", "org.hotline.http..", "org.hotline.store..",
        "org.hotline.telephony..", "org.hotline.floor..", "org.hotline.config..", "org.hotline.metrics..",
        "org.hotline.prompts..", "org.hotline.logging.."};

    static JavaClasses hotline;

    @BeforeAll
    static void readTheClasses() {
        hotline = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotline");
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("org.hotline.(**)").should().beFreeOfCycles().check(hotline);
    }

    @Test
    void theDomainKnowsNothingOfTheEdges() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .check(hotline);
    }

    /** The store's schema stays in the store: everyone else reads typed records, never a MongoDB document. */
    @Test
    void onlyTheStoreSpeaksMongoDb() {
        noClasses().that().resideOutsideOfPackages("org.hotline.store..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .check(hotline);
    }

    /** The floor's state lives on one Vert.x context; telephony and the store reach it only through the floor. */
    @Test
    void onlyTheFloorAndTheWebHoldAVertxContext() {
        noClasses().that().resideOutsideOfPackages("org.hotline.floor..", "org.hotline.server..", "org.hotline.http..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.vertx.core.Context")
                .check(hotline);
    }
}
