package org.epaworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain core stays pure; adapters depend on it, never the other way round. */
@AnalyzeClasses(packages = "org.epaworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] CORE = {"org.epaworkbench.plan..", "org.epaworkbench.grading..", "org.epaworkbench.assessment..",
            "org.epaworkbench.session..", "org.epaworkbench.people.."};

    @ArchTest
    static final ArchRule coreHasNoFrameworks = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                    "org.sqlite..", "org.flywaydb..", "com.fasterxml..", "com.networknt..", "picocli..",
                    "org.apache.pdfbox..", "org.apache.poi..", "org.bouncycastle..", "java.awt..")
            .because("the plan, grading and session core is pure Java (DESIGN.md)");

    @ArchTest
    static final ArchRule coreDoesNotReachIntoAdapters = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.epaworkbench.store..", "org.epaworkbench.packs..",
                    "org.epaworkbench.cli..", "org.epaworkbench.ui..", "org.epaworkbench.documents..",
                    "org.epaworkbench.app..", "org.epaworkbench.record..", "org.epaworkbench.sync..",
                    "org.epaworkbench.recording..");

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses().that().resideOutsideOfPackages("org.epaworkbench.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("the command line must run without a display");

    @ArchTest
    static final ArchRule cliAndUiDoNotDependOnEachOther = noClasses().that().resideInAPackage("org.epaworkbench.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.epaworkbench.ui..");

    @ArchTest
    static final ArchRule audioIsAnAdapterWithoutScreensOrDatabase = noClasses()
            .that().resideInAPackage("org.epaworkbench.recording..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..", "org.sqlite..",
                    "org.epaworkbench.store..", "org.epaworkbench.ui..", "org.epaworkbench.cli..")
            .because("recording is an audio adapter: the app layer wires it to sessions, screens and storage");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.epaworkbench.(*)..").should().beFreeOfCycles()
            .because("each package can then be understood, tested and replaced from the ones below it");

    @ArchTest
    static final ArchRule screensDoNotDependOnEachOtherInCircles = slices().matching("org.epaworkbench.ui.(*)..")
            .should().beFreeOfCycles()
            .because("a screen is understood, tested and changed on its own; one screen may open another, never both ways");

    @ArchTest
    static final ArchRule theApplicationLayerHasNoScreensOrCommandLine = noClasses().that().resideInAPackage("org.epaworkbench.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.epaworkbench.ui..", "org.epaworkbench.cli..", "javafx..",
                    "picocli..")
            .because("the desktop app, the command line, the benchmarks and the intake service all use the same services");
}
