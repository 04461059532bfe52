package org.epaworkbench.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.app.Intake;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.sync.Receipts;
import org.epaworkbench.sync.SyncTestSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The intake service keeps what the desktop import would keep, on PostgreSQL and SQLite alike, and signs receipts. */
class IntakeTest {

    @TempDir
    Path dir;

    private IntakeDatabase db;
    private Intake intake;
    private OrganisationAuthority authority;
    private Path pkg;

    private void start(IntakeDatabase.Kind kind) throws Exception {
        pkg = SyncTestSupport.deviceWithPackage(dir.resolve("device"), dir.resolve("usb"), false);
        authority = OrganisationAuthority.create(dir.resolve("authority"), "Highfield Assessment", "authority-password".toCharArray(),
                SyncTestSupport.clock());
        db = IntakeDatabases.fresh(kind, dir.resolve("service"));
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        intake = new Intake(db, new Blobs(dir.resolve("service/blobs")), Identities.service(authority, "localhost"), SyncTestSupport.clock(), plans);
    }


    private long count(String table) throws Exception {
        return db.inTransaction(c -> {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void aRegisteredAssessorsPackageIsKeptWholeAndAnsweredWithASignedReceipt(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        intake.ledger().addSigner(SyncTestSupport.registration(pkg));

        Intake.Received received = intake.receive(pkg);

        assertThat(received).isInstanceOf(Intake.Accepted.class);
        Receipts.Signed receipt = ((Intake.Accepted) received).receipt();
        String sha = org.epaworkbench.record.RecordProducer.sha256(Files.readAllBytes(pkg));
        assertThat(Receipts.check(receipt.json(), receipt.signature(), receipt.receipt().packageId(), sha, List.of(authority.root())))
                .isEqualTo(receipt.receipt());
        assertThat(receipt.receipt().sessions()).hasSize(3);
        assertThat(receipt.receipt().records()).hasSize(3);
        assertThat(count("intake_session")).isEqualTo(3);
        assertThat(count("intake_record")).isEqualTo(3);
        assertThat(count("intake_event")).isGreaterThan(3);
        // the PDFs and the package itself, once each, by hash
        for (var r : intake.ledger().database().inTransaction(c -> org.epaworkbench.store.Sql.query(c,
                "SELECT sha256 FROM intake_record", rs -> rs.getString(1)))) {
            assertThat(new Blobs(dir.resolve("service/blobs")).find(r, ".pdf")).isPresent();
        }
        assertThat(new Blobs(dir.resolve("service/blobs")).find(sha, ".epapkg")).isPresent();
        db.close();
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void thePackageDeliveredAgainGetsTheSameReceiptAndChangesNothing(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        intake.ledger().addSigner(SyncTestSupport.registration(pkg));
        Intake.Accepted first = (Intake.Accepted) intake.receive(pkg);
        long events = count("intake_event");

        Intake.Accepted again = (Intake.Accepted) intake.receive(pkg);

        assertThat(again.again()).isTrue();
        assertThat(again.receipt().json()).isEqualTo(first.receipt().json());
        assertThat(again.receipt().signature()).isEqualTo(first.receipt().signature());
        assertThat(count("intake_event")).isEqualTo(events);
        assertThat(count("intake_package")).isEqualTo(1);
        db.close();
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void anUnregisteredAssessorIsRefusedAndNothingIsKept(IntakeDatabase.Kind kind) throws Exception {
        start(kind);

        Intake.Received received = intake.receive(pkg);

        assertThat(received).isInstanceOf(Intake.Refused.class);
        assertThat(((Intake.Refused) received).reason()).contains("not trusted");
        assertThat(count("intake_package") + count("intake_session") + count("intake_event") + count("intake_record"))
                .isZero();
        db.close();
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void aPackageChangedOnTheWayIsRefusedAndNothingIsKept(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        intake.ledger().addSigner(SyncTestSupport.registration(pkg));
        byte[] bytes = Files.readAllBytes(pkg);
        bytes[bytes.length / 2] ^= 0x20;
        Path changed = Files.write(dir.resolve("changed.epapkg"), bytes);

        assertThat(intake.receive(changed)).isInstanceOf(Intake.Refused.class);
        assertThat(count("intake_package") + count("intake_session") + count("intake_event")).isZero();
        db.close();
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void aReceiptIsAcceptedOnlyFromTheServiceForThisExactPackage(IntakeDatabase.Kind kind) throws Exception {
        start(kind);
        intake.ledger().addSigner(SyncTestSupport.registration(pkg));
        Receipts.Signed r = ((Intake.Accepted) intake.receive(pkg)).receipt();
        String sha = r.receipt().sha256();
        List<X509Certificate> roots = List.of(authority.root());

        // for another package's bytes
        assertThatThrownBy(() -> Receipts.check(r.json(), r.signature(), r.receipt().packageId(), "0".repeat(64), roots))
                .hasMessageContaining("another package");
        // changed after signing
        byte[] edited = new String(r.json(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"records\":[", "\"records\":[\"forged\",").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Receipts.check(edited, r.signature(), r.receipt().packageId(), sha, roots))
                .hasMessageContaining("does not match");
        // signed by an assessor's certificate the same root issued, not the service's
        SigningIdentity assessor = Identities.assessor(authority, "Sam Assessor", "EPA-1");
        Receipts.Signed byAssessor = Receipts.sign(r.receipt(), assessor);
        assertThatThrownBy(() -> Receipts.check(byAssessor.json(), byAssessor.signature(), r.receipt().packageId(), sha, roots))
                .hasMessageContaining("not an intake service");
        // by a service certificate of another organisation
        OrganisationAuthority other = OrganisationAuthority.create(dir.resolve("other-authority"), "Highfield Assessment",
                "other-organisation".toCharArray(), SyncTestSupport.clock());
        Receipts.Signed byOther = Receipts.sign(r.receipt(), Identities.service(other, "localhost"));
        assertThatThrownBy(() -> Receipts.check(byOther.json(), byOther.signature(), r.receipt().packageId(), sha, roots))
                .hasMessageContaining("not trusted");
        db.close();
    }

}
