package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.store.ApprenticeProvenance;
import org.epaworkbench.store.SyncStore.ApprenticeRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 4: any signer could rewrite any apprentice. A package with A's apprentice id, a
 * new name, plan and gateway date and updatedAt 2099-01-01 was accepted, and A's corrections never
 * won again. Now a time beyond a small clock skew is refused, a signer who does not own the
 * apprentice can only propose changes (kept for review, visible, never applied by themselves), and
 * every field says who changed it and when.
 */
class ApprenticeProvenanceTest {

    @TempDir
    Path dir;

    /** A package holding only the apprentices entry, each apprentice changed by {@code change}, signed by {@code by}. */
    static byte[] apprenticesFrom(SyncFixture source, SyncFixture by, java.util.function.Consumer<ObjectNode> change)
            throws Exception {
        Outbox outbox = source.outbox();
        Path folder = source.root.resolveSibling("usb-" + source.root.getFileName() + "-" + System.nanoTime());
        Map<String, byte[]> entries = PackageRefusalTest.entries(Files.readAllBytes(
                outbox.export(outbox.all(), folder, source.identity(), null).file()));
        JsonNode list = JsonFiles.mapper().readTree(entries.get(PackageFormat.APPRENTICES));
        list.forEach(a -> change.accept((ObjectNode) a));
        Map<String, byte[]> only = new LinkedHashMap<>();
        only.put(PackageFormat.APPRENTICES, PackageJson.bytes(list));
        return RecordOwnershipTest.resigned(only, by.identity(), by.sessions.deviceId());
    }

    @Test
    void anotherSignerCannotRewriteAnApprenticeOnlyProposeAndNothingIsDatedToWinForever() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"));
             SyncFixture c = new SyncFixture(dir.resolve("assessor-c"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            c.people.saveAssessor(new AssessorProfile("Casey Other", "EPA-000555", "Highfield Assessment", false));
            SignerRegister.add(office.sync, a.identity().certificate(), SyncFixture.CLOCK.instant());
            SignerRegister.add(office.sync, c.identity().certificate(), SyncFixture.CLOCK.instant());
            office.importer().importPackage(Files.readAllBytes(a.exportPending(dir.resolve("usb-a"))), null,
                    PackageImporter.UnknownSigners.REFUSE, false);
            String id = a.people.apprentices().get(0).id();
            ApprenticeRow original = office.sync.apprentices(Set.of(id)).get(0);
            String before = office.snapshot();

            // the attack as it was done: A's apprentice, a new name, plan and gateway date, dated 2099
            byte[] forever = apprenticesFrom(a, c, n -> n.put("name", "Somebody Else").put("planId", "pal-css-l3")
                    .put("gatewayDate", "2027-01-04").put("updatedAt", "2099-01-01T00:00:00Z"));
            assertThatThrownBy(() -> office.importer().importPackage(forever, null, PackageImporter.UnknownSigners.REFUSE, false))
                    .isInstanceOf(PackageRefused.class).hasMessageStartingWith("records/apprentices.json")
                    .hasMessageContaining("2099-01-01T00:00:00Z").hasMessageContaining("ahead of this computer's clock");
            assertThat(office.snapshot()).as("nothing changed").isEqualTo(before);

            // dated now, from a signer who does not own the apprentice: proposals, nothing applied
            byte[] now = apprenticesFrom(a, c, n -> n.put("name", "Somebody Else").put("planId", "pal-css-l3")
                    .put("gatewayDate", "2027-01-04").put("updatedAt", "2026-11-23T15:01:00Z"));
            PackageImporter.Outcome o = office.importer().importPackage(now, null, PackageImporter.UnknownSigners.REFUSE, false);
            assertThat(o.applied().updatedApprentices()).isZero();
            assertThat(o.applied().proposedChanges()).isEqualTo(3);
            assertThat(o.notices()).anySatisfy(n -> assertThat(n).startsWith("Kept for review, not applied: 3 changes")
                    .contains(id).contains("apprentice proposals"));
            assertThat(office.sync.apprentices(Set.of(id)).get(0)).isEqualTo(original);
            assertThat(office.sync.apprenticeProposals(true)).extracting(ApprenticeProvenance.Proposal::field)
                    .containsExactlyInAnyOrder("name", "plan_id", "gateway_date");
            assertThat(office.sync.apprenticeProposals(true)).allSatisfy(p -> assertThat(p.proposedByName())
                    .startsWith("Casey Other"));
            office.importer().importPackage(now, null, PackageImporter.UnknownSigners.REFUSE, false);
            assertThat(office.sync.apprenticeProposals(true)).as("importing again adds nothing").hasSize(3);

            // the owner's correction, later: applied, and the field says who and when
            byte[] correction = apprenticesFrom(a, a, n -> n.put("employer", "Acme Retail (Leeds)")
                    .put("updatedAt", "2026-11-23T15:02:00Z"));
            PackageImporter.Outcome fixed = office.importer().importPackage(correction, null, PackageImporter.UnknownSigners.REFUSE,
                    false);
            assertThat(fixed.applied().updatedApprentices()).isEqualTo(1);
            ApprenticeProvenance.Field employer = office.sync.apprenticeFields(id).stream()
                    .filter(f -> f.field().equals("employer")).findFirst().orElseThrow();
            assertThat(employer.value()).isEqualTo("Acme Retail (Leeds)");
            assertThat(employer.changedBy()).isEqualTo(Certificates.fingerprint(a.identity().certificate()));
            assertThat(employer.changedAt()).hasToString("2026-11-23T15:02:00Z");
            assertThat(employer.changedByName()).startsWith("Sam Assessor");

            // visible, and decided by a person
            CliRunner cli = new CliRunner(office.root);
            office.close();
            CliRunner.Run list = cli.run("apprentice", "proposals");
            assertThat(list.out()).contains("name \"" + original.name() + "\" -> \"Somebody Else\"").contains("Casey Other");
            CliRunner.Run changes = cli.run("apprentice", "changes", id);
            assertThat(changes.out()).contains("employer").contains("Acme Retail (Leeds)").contains("2026-11-23T15:02:00Z")
                    .contains("3 proposed changes");
            String nameProposal = null;
            for (JsonNode p : JsonFiles.mapper().readTree(cli.run("apprentice", "proposals", "--json").out())) {
                if (p.get("field").asText().equals("name")) {
                    nameProposal = p.get("id").asText();
                }
            }
            assertThat(nameProposal).isNotNull();
            assertThat(cli.run("apprentice", "proposals", "reject", nameProposal, "--reason", "Not their apprentice")
                    .out()).contains("Rejected").contains("stays \"" + original.name() + "\"");
            assertThat(cli.run("apprentice", "proposals", "reject", nameProposal, "--reason", "again").exitCode()).isEqualTo(2);
            assertThat(cli.run("apprentice", "proposals", "--json").out()).doesNotContain(nameProposal);
        }
    }

    @Test
    void anApprenticeChangedInTheAppRecordsThatItWasChangedHere() throws Exception {
        try (SyncFixture a = new SyncFixture(dir.resolve("assessor-a"))) {
            new org.epaworkbench.app.SampleDataMaker(a.plans, a.people, a.sessions, SyncFixture.CLOCK).make(false);
            var apprentice = a.people.apprentices().get(0);
            a.people.save(new org.epaworkbench.people.Apprentice(apprentice.id(), apprentice.name(), apprentice.uln(),
                    "A New Employer Ltd", apprentice.trainingProvider(), apprentice.planId(), apprentice.apprenticeshipStart(),
                    apprentice.gatewayDate(), apprentice.sample()));
            ApprenticeProvenance.Field employer = a.sync.apprenticeFields(apprentice.id()).stream()
                    .filter(f -> f.field().equals("employer")).findFirst().orElseThrow();
            assertThat(employer.value()).isEqualTo("A New Employer Ltd");
            assertThat(employer.changedBy()).isNull();
            assertThat(employer.changedByName()).isEqualTo(ApprenticeProvenance.HERE);
        }
    }

    /** The Import screen's list of proposals: what it shows, what it asks, and that a decision is taken only with a reason. */
    @Test
    void theOfficeDecidesAProposalOnTheImportScreenWithAReason() throws Exception {
        try (SyncFixture a = SyncFixture.assessorDevice(dir.resolve("assessor-a"));
             SyncFixture c = new SyncFixture(dir.resolve("assessor-c"));
             SyncFixture office = new SyncFixture(dir.resolve("office"))) {
            c.people.saveAssessor(new AssessorProfile("Casey Other", "EPA-000555", "Highfield Assessment", false));
            SignerRegister.add(office.sync, a.identity().certificate(), SyncFixture.CLOCK.instant());
            SignerRegister.add(office.sync, c.identity().certificate(), SyncFixture.CLOCK.instant());
            office.importer().importPackage(Files.readAllBytes(a.exportPending(dir.resolve("usb-a"))), null,
                    PackageImporter.UnknownSigners.REFUSE, false);
            String id = a.people.apprentices().get(0).id();
            String name = office.sync.apprentices(Set.of(id)).get(0).name();
            office.importer().importPackage(apprenticesFrom(a, c, n -> n.put("employer", "Rival Ltd")
                    .put("updatedAt", "2026-11-23T15:01:00Z")), null, PackageImporter.UnknownSigners.REFUSE, false);

            var model = new org.epaworkbench.ui.sync.ApprenticeProposalsModel(
                    new org.epaworkbench.app.ApprenticeSharing(office.db, SyncFixture.CLOCK));
            var rows = model.load();
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.apprentice()).isEqualTo(name);
                assertThat(r.field()).isEqualTo("employer");
                assertThat(r.proposed()).isEqualTo("Rival Ltd");
                assertThat(r.by()).startsWith("Casey Other");
            });
            var row = rows.get(0);
            java.util.List<String> asked = new java.util.ArrayList<>();
            assertThat(model.reasonFor(row, true, (title, question) -> {
                asked.add(question);
                return java.util.Optional.of("   ");
            })).as("a blank reason is no decision").isEmpty();
            assertThat(asked).singleElement().satisfies(q -> assertThat(q).contains(name + "'s employer from “" + row.now()
                    + "” to “Rival Ltd”").contains("Casey Other"));
            assertThat(model.reasonFor(row, true, (t, q) -> java.util.Optional.empty())).as("cancelled").isEmpty();
            assertThat(model.load()).as("nothing decided yet").hasSize(1);

            assertThat(model.decide(row, true, "Employer changed, confirmed by phone"))
                    .isEqualTo("Accepted: " + name + "'s employer is now \"Rival Ltd\".");
            assertThat(office.sync.apprentices(Set.of(id)).get(0).employer()).isEqualTo("Rival Ltd");
            assertThat(model.load()).isEmpty();
            assertThat(model.decide(row, false, "again")).contains("no open proposed change");
        }
    }
}
