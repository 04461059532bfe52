package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.app.Intake;
import org.epaworkbench.app.IntakeService;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeDatabases;
import org.epaworkbench.intake.Identities;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Packages carry sessions on plans the organisation imported into its desktops ({@code plans import}); the intake
 * service checks them against the same packs, imported into it with {@code serve plans import} (the desktop's
 * validation), kept in its database and read by the running service: refused naming the plan before, accepted after.
 */
class IntakePlanPacksTest {

    static final String PLAN_ID = "acme-css-l3";
    static final String TITLE = "Customer Service Specialist, Level 3 (Acme's own pack)";

    @TempDir
    Path dir;

    /** The organisation's own pack: Highfield's, under its own id and title. */
    private Path pack() throws Exception {
        String json;
        try (var in = getClass().getResourceAsStream("/org/epaworkbench/plan/packs/highfield-css-l3.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) JsonFiles.mapper().readTree(json);
        node.put("id", PLAN_ID);
        node.put("title", TITLE);
        return Files.writeString(dir.resolve("acme-css.json"), JsonFiles.pretty(node));
    }

    /** An assessor's laptop with the pack imported and one ended session on its plan, exported as a package. */
    private Path packageOnTheOwnPlan(Path pack) throws Exception {
        try (SyncFixture device = new SyncFixture(dir.resolve("device"))) {
            device.people.saveAssessor(new AssessorProfile("Sam Assessor", "EPA-000123", "Acme Assessment", false));
            AssessmentPlan plan = device.plans.importPack(pack, false);
            LocalDate today = LocalDate.of(2026, 11, 20);
            Apprentice a = new Apprentice(java.util.UUID.randomUUID().toString(), "Jordan Taylor", Uln.of("9182736455"),
                    "Northgate Home Furnishings", "Riverside Training", PLAN_ID, today.minusMonths(18), today.minusDays(70),
                    false);
            device.people.save(a);
            ManualClock clock = new ManualClock(java.time.Instant.parse("2026-11-20T09:30:00Z"));
            RecordedSession s = RecordedSession.create(device.sessions, plan, new SessionDetails(a.id(), plan.id(),
                    plan.version(), "observation", AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Customer service desk",
                    "Employee ID card"), clock, SessionSettings.DEFAULT, false);
            s.perform(l -> l.start());
            clock.advance(Duration.ofMinutes(20));
            s.perform(l -> l.note(null, "Observed at the desk."));
            clock.advance(Duration.ofMinutes(20));
            s.perform(l -> l.end("The apprentice was called away; continued another day."));
            return device.outbox().export(new Outbox.Selection(List.of(s.id()), List.of()), dir.resolve("usb"),
                    device.identity(), null).file();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void aPackageOnAPlanTheServiceDoesNotKnowIsRefusedNamingItAndAcceptedOnceThePackIsImported(IntakeDatabase.Kind kind)
            throws Exception {
        Path pack = pack();
        Path pkg = packageOnTheOwnPlan(pack);
        Path data = dir.resolve("service");
        String url = kind == IntakeDatabase.Kind.POSTGRESQL ? IntakeDatabases.freshPostgresUrl() : null;
        OrganisationAuthority authority = OrganisationAuthority.create(dir.resolve("authority"), "Acme Assessment",
                "authority-password".toCharArray(), SyncFixture.CLOCK);
        try (IntakeService service = IntakeService.open(data, url, Identities.service(authority, "localhost"), SyncFixture.CLOCK)) {
            new IntakeLedger(service.database()).addSigner(SyncTestSupport.registration(pkg));
            String signer = org.epaworkbench.keys.Certificates.fingerprint(SyncTestSupport.signerOf(pkg));
            assertThat(service.plans().find(PLAN_ID)).isEmpty();

            Intake.Received before = service.intake().receive(pkg, signer);

            assertThat(before).isInstanceOf(Intake.Refused.class);
            assertThat(((Intake.Refused) before).reason()).contains("names plan '" + PLAN_ID + "', which the intake service "
                    + "does not have. The office imports").contains("serve plans import")
                    .as("the desktop's own advice is not the assessor's to follow").doesNotContain("import its plan pack first")
                    .contains("Deliver again in the Outbox, or deliver --again");
            assertThat(count(service, "intake_session") + count(service, "intake_package")).isZero();

            // the office imports the pack into the service while it runs
            CliRunner.Run imported = serve(url, data, "plans", "import", pack.toString());

            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("Imported plan '" + PLAN_ID + "' (" + TITLE + ") into the intake service");
            Intake.Received after = service.intake().receive(pkg, signer);
            assertThat(after).as(after.toString()).isInstanceOf(Intake.Accepted.class);
            assertThat(count(service, "intake_session")).isEqualTo(1);
            assertThat(service.plans().find(PLAN_ID).orElseThrow().plan().title()).isEqualTo(TITLE);
            var listed = JsonFiles.mapper().readTree(serve(url, data, "plans", "list", "--json").out());
            assertThat(listed).anySatisfy(p -> {
                assertThat(p.get("id").asText()).isEqualTo(PLAN_ID);
                assertThat(p.get("title").asText()).isEqualTo(TITLE);
                assertThat(p.get("origin").asText()).isEqualTo(org.epaworkbench.packs.PlanLibrary.Origin.IMPORTED.word());
            });
        }
        // kept: a service started again knows it
        try (IntakeService again = IntakeService.open(data, url, Identities.service(authority, "localhost"), SyncFixture.CLOCK)) {
            assertThat(again.plans().find(PLAN_ID)).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void theServiceValidatesAPackAsTheDesktopDoesAndReplacesItOnlyWhenTold(IntakeDatabase.Kind kind) throws Exception {
        Path data = dir.resolve("service");
        String url = kind == IntakeDatabase.Kind.POSTGRESQL ? IntakeDatabases.freshPostgresUrl() : null;
        Path pack = pack();
        Path broken = Files.writeString(dir.resolve("broken.json"), Files.readString(pack).replace("\"title\"", "\"titel\""));
        Path builtInId = Files.writeString(dir.resolve("highfield.json"), Files.readString(pack).replace(PLAN_ID,
                "highfield-css-l3"));
        CliRunner desktop = new CliRunner(dir.resolve("desktop"), SyncFixture.CLOCK);

        for (Path refused : List.of(broken, builtInId, dir.resolve("missing.json"))) {
            CliRunner.Run there = desktop.run("plans", "import", refused.toString());
            CliRunner.Run here = serve(url, data, "plans", "import", refused.toString());
            assertThat(here.exitCode()).as(refused.toString()).isEqualTo(2).isEqualTo(there.exitCode());
            assertThat(here.err()).as("the same reason, in the same words").isEqualTo(there.err());
        }
        assertThat(serve(url, data, "plans", "import", pack.toString()).exitCode()).isZero();
        CliRunner.Run twice = serve(url, data, "plans", "import", pack.toString());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("is already imported; use --replace");
        Path renamed = Files.writeString(dir.resolve("acme-css-2.json"), Files.readString(pack).replace(TITLE, "Renamed"));
        assertThat(serve(url, data, "plans", "import", renamed.toString(), "--replace").exitCode()).isZero();
        assertThat(serve(url, data, "plans", "list").out()).contains(PLAN_ID + "  Renamed").doesNotContain(TITLE);
    }

    private CliRunner.Run serve(String url, Path data, String... args) {
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", data.toString()));
        if (url != null) {
            all.addAll(List.of("--db", url));
        }
        return new CliRunner(dir.resolve("office-desktop"), SyncFixture.CLOCK).run(all.toArray(String[]::new));
    }

    private static long count(IntakeService service, String table) throws Exception {
        return service.database().inTransaction(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
