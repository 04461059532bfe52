package org.epaworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
                    "org.epaworkbench.recording..", "org.epaworkbench.intake..", "org.epaworkbench.service..");

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

    /** The adapters: storage, signing, packages, plan files, documents, audio, the intake service's store. */
    static final String[] ADAPTERS = {"org.epaworkbench.store..", "org.epaworkbench.sync..", "org.epaworkbench.keys..",
            "org.epaworkbench.record..", "org.epaworkbench.packs..", "org.epaworkbench.documents..", "org.epaworkbench.db..",
            "org.epaworkbench.sample..", "org.epaworkbench.recording..", "org.epaworkbench.intake.."};

    /**
     * The adapter types the application layer hands to screens and commands as they are (ADR 12): plain values,
     * enums and exceptions, nothing that reads, writes, signs or checks.
     */
    static final java.util.Set<String> PUBLISHED = java.util.Set.of(
            "org.epaworkbench.store.StorageException", "org.epaworkbench.store.StorageProblem",
            "org.epaworkbench.store.DiskFull", "org.epaworkbench.store.SessionLogChanged",
            "org.epaworkbench.store.SessionStore$SessionSummary", "org.epaworkbench.store.SignedRecords$SignedRecord",
            "org.epaworkbench.store.EpaStore$DateKind", "org.epaworkbench.store.QuestionBankStore$BankQuestion",
            "org.epaworkbench.store.ApprenticeProvenance$Field", "org.epaworkbench.store.ApprenticeProvenance$Proposal",
            "org.epaworkbench.store.ApprenticeProvenance$Merged", "org.epaworkbench.store.Attachments$Stored",
            "org.epaworkbench.store.Backups$Backup", "org.epaworkbench.store.Backups$Reason",
            "org.epaworkbench.store.Backups$DatabaseDamaged", "org.epaworkbench.store.Deliveries$Delivery",
            "org.epaworkbench.store.Deliveries$State",
            "org.epaworkbench.keys.KeyStoreProblem", "org.epaworkbench.keys.KeyStoreProblem$WrongPassword",
            "org.epaworkbench.keys.CertificateProblem",
            "org.epaworkbench.sync.PackageRefused", "org.epaworkbench.sync.UntrustedSigner",
            "org.epaworkbench.sync.SignerTrust$Decision", "org.epaworkbench.sync.SignerTrust$Basis",
            "org.epaworkbench.sync.Receipt",
            "org.epaworkbench.record.SignatureReport",
            "org.epaworkbench.packs.PlanLibrary", "org.epaworkbench.packs.PlanLibrary$InstalledPlan",
            "org.epaworkbench.packs.PlanLibrary$Origin", "org.epaworkbench.packs.PlanPackException",
            "org.epaworkbench.packs.JsonFiles", "org.epaworkbench.packs.PlanJson",
            "org.epaworkbench.intake.IntakeProblem");

    private static final DescribedPredicate<JavaClass> AN_ADAPTER_TYPE_NOT_PUBLISHED = new DescribedPredicate<>(
            "an adapter type the application layer does not publish (ADR 12)") {
        @Override
        public boolean test(JavaClass c) {
            String p = c.getPackageName();
            boolean adapter = java.util.Arrays.stream(ADAPTERS).map(a -> a.substring(0, a.length() - 2))
                    .anyMatch(a -> p.equals(a) || p.startsWith(a + "."));
            return adapter && !PUBLISHED.contains(c.getName());
        }
    };

    @ArchTest
    static final ArchRule screensAndCommandsUseOnlyTheApplicationLayerAndTheCore = noClasses()
            .that().resideInAnyPackage("org.epaworkbench.ui..", "org.epaworkbench.cli..")
            .should().dependOnClassesThat(AN_ADAPTER_TYPE_NOT_PUBLISHED)
            .because("stores, signing, packages and plan files are reached only through the application layer, so the "
                    + "desktop app, the command line and the service do the same thing the same way (ADR 10, ADR 12)");

    @ArchTest
    static final ArchRule theServiceIsADriverBesideTheScreensAndCommands = noClasses()
            .that().resideInAPackage("org.epaworkbench.service..")
            .should().dependOnClassesThat().resideInAnyPackage("org.epaworkbench.ui..", "org.epaworkbench.cli..", "javafx..")
            .because("the intake service runs without a display or the desktop's screens (ADR 13)");

    @ArchTest
    static final ArchRule theScreensDoNotServe = noClasses().that().resideInAPackage("org.epaworkbench.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.epaworkbench.service..", "io.javalin..", "org.eclipse.jetty..")
            .because("the desktop app delivers to the service as a client (sync.IntakeClient through the application layer)");
}
