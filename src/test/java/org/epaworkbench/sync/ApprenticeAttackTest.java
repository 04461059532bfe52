package org.epaworkbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.store.ApprenticeProvenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on shared apprentice details (issue 12, finding 4), beyond {@link ApprenticeProvenanceTest}: times at the
 * edge of the allowed clock skew, times far in the past, an apprentice taken over by whoever reaches a fresh office
 * first, a flood of proposals, and an apprentice object padded with thousands of fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprenticeAttackTest {

    @TempDir
    static Path dir;
    SyncFixture a;
    SyncFixture c;
    SyncFixture office;
    byte[] genuine;
    String id;
    int run;

    @BeforeAll
    void setUp() throws Exception {
        a = SyncFixture.assessorDevice(dir.resolve("assessor-a"));
        c = new SyncFixture(dir.resolve("assessor-c"));
        c.people.saveAssessor(new AssessorProfile("Casey Other", "EPA-000555", "Highfield Assessment", false));
        genuine = Files.readAllBytes(a.exportPending(dir.resolve("usb-a")));
        id = a.people.apprentices().get(0).id();
    }

    @BeforeEach
    void freshOffice() throws Exception {
        if (office != null) {
            office.close();
        }
        office = new SyncFixture(dir.resolve("office-" + run++));
        SignerRegister.add(office.sync, a.identity().certificate(), SyncFixture.CLOCK.instant());
        SignerRegister.add(office.sync, c.identity().certificate(), SyncFixture.CLOCK.instant());
    }

    @AfterAll
    void close() {
        a.close();
        c.close();
        office.close();
    }

    PackageImporter.Outcome importing(byte[] pkg) throws Exception {
        return office.importer().importPackage(pkg, null, PackageImporter.UnknownSigners.REFUSE, false);
    }

    /** Only the apprentices entry, the first apprentice changed by {@code change}, signed by {@code by}. */
    byte[] firstApprentice(SyncFixture by, java.util.function.Consumer<ObjectNode> change) throws Exception {
        Map<String, byte[]> entries = PackageRefusalTest.entries(genuine);
        JsonNode list = JsonFiles.mapper().readTree(entries.get(PackageFormat.APPRENTICES));
        ArrayNode one = JsonFiles.mapper().createArrayNode();
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                change.accept((ObjectNode) n);
                one.add(n);
            }
        }
        Map<String, byte[]> only = new LinkedHashMap<>();
        only.put(PackageFormat.APPRENTICES, PackageJson.bytes(one));
        return RecordOwnershipTest.resigned(only, by.identity(), by.sessions.deviceId());
    }

    String name() throws Exception {
        return office.sync.apprentices(Set.of(id)).get(0).name();
    }

    @Test
    void aChangeOneSecondBeyondTheAllowedSkewIsRefusedAndOneWithinItApplies() throws Exception {
        importing(genuine);
        String before = office.snapshot();
        String justBeyond = SyncFixture.CLOCK.instant().plus(ApprenticeProvenance.MAX_CLOCK_SKEW).plusSeconds(1).toString();
        assertThatThrownBy(() -> importing(firstApprentice(a, n -> n.put("name", "Future Name").put("updatedAt", justBeyond))))
                .isInstanceOf(PackageRefused.class).hasMessageStartingWith(PackageFormat.APPRENTICES)
                .hasMessageContaining(justBeyond).hasMessageContaining("ahead of this computer's clock");
        assertThat(office.snapshot()).isEqualTo(before);

        String createdAhead = SyncFixture.CLOCK.instant().plus(Duration.ofDays(1)).toString();
        assertThatThrownBy(() -> importing(firstApprentice(a, n -> n.put("createdAt", createdAhead))))
                .isInstanceOf(PackageRefused.class).hasMessageStartingWith(PackageFormat.APPRENTICES)
                .hasMessageContaining(createdAhead);
        assertThat(office.snapshot()).isEqualTo(before);

        String justWithin = SyncFixture.CLOCK.instant().plus(ApprenticeProvenance.MAX_CLOCK_SKEW).toString();
        assertThat(importing(firstApprentice(a, n -> n.put("name", "Within Skew").put("updatedAt", justWithin)))
                .applied().updatedApprentices()).isEqualTo(1);
        assertThat(name()).isEqualTo("Within Skew");
    }

    @Test
    void aChangeDatedLongAgoDoesNotOverwriteALaterOneAndFromAnotherSignerIsOnlyAProposal() throws Exception {
        importing(genuine);
        importing(firstApprentice(a, n -> n.put("name", "Corrected Name").put("updatedAt", "2026-11-23T15:01:00Z")));
        String before = office.snapshot();
        // the owner's own older change loses to the later one
        importing(firstApprentice(a, n -> n.put("name", "Old Name").put("updatedAt", "1970-01-01T00:00:00Z")));
        assertThat(name()).isEqualTo("Corrected Name");
        // another signer's, dated long ago: a proposal, nothing applied
        var o = importing(firstApprentice(c, n -> n.put("name", "Ancient Name").put("updatedAt", "1970-01-01T00:00:00Z")));
        assertThat(o.applied().updatedApprentices()).isZero();
        assertThat(name()).isEqualTo("Corrected Name");
        assertThat(office.snapshot()).isEqualTo(before);
        assertThat(office.sync.apprenticeProposals(true)).allSatisfy(p -> assertThat(p.proposedByName()).startsWith("Casey"));
    }

    /**
     * C copies A's apprentice (id and all) from A's unencrypted package, renames it, and reaches a fresh office
     * first: C's package makes C the apprentice's owner. A's genuine package, arriving next, still imports whole
     * (its sessions and records), and A's details of the apprentice are not lost: they are kept as proposals naming
     * A, for a person to decide. (ADR 9: an apprentice belongs to whoever first brought it.)
     */
    @Test
    void anApprenticeTakenFirstToAFreshOfficeDoesNotLockOutItsRealAssessor() throws Exception {
        String real = a.people.apprentices().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow().name();
        importing(firstApprentice(c, n -> n.put("name", "Taken Over").put("employer", "Rival Ltd")));
        assertThat(office.sync.apprenticeOwner(id)).contains(Certificates.fingerprint(c.identity().certificate()));

        var o = importing(genuine);
        assertThat(o.applied().newSessions()).isEqualTo(3);
        assertThat(o.applied().newRecords()).isEqualTo(3);
        assertThat(o.notices()).anySatisfy(n -> assertThat(n).startsWith("Kept for review, not applied").contains(id));
        assertThat(name()).isEqualTo("Taken Over");
        assertThat(office.sync.apprenticeProposals(true)).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("name");
            assertThat(p.proposedByName()).startsWith("Sam Assessor");
        });
        // and a person puts it right
        String proposal = office.sync.apprenticeProposals(true).stream().filter(p -> p.field().equals("name")).findFirst()
                .orElseThrow().id();
        office.sync.decideProposal(proposal, true, "Checked with the assessor", SyncFixture.CLOCK.instant());
        assertThat(name()).isEqualTo(real);
    }

    /** A signer who does not own an apprentice sends many packages, each with other values: every one is kept for review. */
    @Test
    void aFloodOfProposalsIsKeptButNeverApplied() throws Exception {
        importing(genuine);
        String before = office.snapshot();
        for (int i = 0; i < 25; i++) {
            int k = i;
            importing(firstApprentice(c, n -> n.put("name", "Flood " + k).put("employer", "Flood Ltd " + k)
                    .put("updatedAt", "2026-11-23T15:0" + (k % 5) + ":00Z")));
        }
        assertThat(office.snapshot()).as("nothing applied").isEqualTo(before);
        int open = office.sync.apprenticeProposals(true).size();
        assertThat(open).isBetween(2, 50);
    }

    @Test
    void anApprenticePaddedWithThousandsOfFieldsIsRefusedByItsSchema() throws Exception {
        String before = office.snapshot();
        byte[] pkg = firstApprentice(c, n -> {
            for (int i = 0; i < 5000; i++) {
                n.put("extra" + i, "x");
            }
        });
        assertThatThrownBy(() -> importing(pkg)).isInstanceOf(PackageRefused.class)
                .hasMessageStartingWith(PackageFormat.APPRENTICES)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(2000).doesNotContain("Exception"));
        assertThat(office.snapshot()).isEqualTo(before);
    }
}
