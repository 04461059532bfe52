package org.epaworkbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.epaworkbench.app.Intake;
import org.epaworkbench.cli.CliRunner;
import org.epaworkbench.intake.Blobs;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.sync.Receipts;
import org.epaworkbench.sync.SyncTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deliver and receipts: an assessor's outbox to a running intake service, and what happens when it cannot go. */
class DeliverCommandTest {

    @TempDir
    Path dir;

    private OrganisationAuthority authority;
    private SigningIdentity serviceIdentity;
    private IntakeDatabase db;
    private IntakeServer server;
    private CliRunner laptop;
    private String address;

    @BeforeEach
    void setUp() throws Exception {
        SyncTestSupport.device(dir.resolve("laptop"));
        laptop = new CliRunner(dir.resolve("laptop"), SyncTestSupport.clock()).withKeystorePassword(SyncTestSupport.password());
        authority = OrganisationAuthority.create(dir.resolve("authority"), "Highfield Assessment",
                "authority-password".toCharArray(), SyncTestSupport.clock());
        serviceIdentity = IntakeServerTest.serviceIdentity(authority);
        db = IntakeDatabase.open(null, dir.resolve("service"));
        assertThat(laptop.run("org", "trust", dir.resolve("authority").resolve(OrganisationAuthority.ROOT).toString())
                .exitCode()).isZero();
    }

    private void startService() throws Exception {
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        Blobs blobs = new Blobs(dir.resolve("service/blobs"));
        var pw = OfficePages.OfficePassword.loadOrCreate(dir.resolve("service/office-password"));
        server = new IntakeServer(new Intake(db, blobs, serviceIdentity, SyncTestSupport.clock(), plans),
                dir.resolve("service/uploads"), serviceIdentity, new OfficePages(db, blobs, plans, pw.getKey(), ZoneOffset.UTC),
                SyncTestSupport.clock());
        address = "https://localhost:" + server.start("127.0.0.1", 0);
    }

    private String rootFingerprint() {
        return Certificates.fingerprint(authority.root());
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        db.close();
    }

    @Test
    void theOutboxIsDeliveredOnceWithAReceiptAndThenThereIsNothingToDo() throws Exception {
        startService();
        new IntakeLedger(db).addSigner(SyncTestSupport.registrationOf(dir.resolve("laptop")));

        CliRunner.Run none = laptop.run("deliver");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("No intake service is set up");

        CliRunner.Run first = laptop.run("deliver", "--service", address, "--root", rootFingerprint());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Delivered package").contains("3 sessions and 3 records");

        CliRunner.Run again = laptop.run("deliver");
        assertThat(again.exitCode()).isEqualTo(4);
        assertThat(again.out()).contains("Nothing to deliver");

        JsonNode receipts = JsonFiles.mapper().readTree(laptop.run("receipts", "--json").out());
        assertThat(receipts).hasSize(1);
        JsonNode r = receipts.get(0);
        assertThat(r.get("state").asText()).isEqualTo("delivered");
        Receipts.check(Base64.getDecoder().decode(r.get("receipt").asText()),
                Base64.getDecoder().decode(r.get("receiptSignature").asText()), r.get("packageId").asText(),
                r.get("sha256").asText(), List.of(authority.root()));
        assertThat(count("intake_package")).isEqualTo(1);
        assertThat(count("intake_record")).isEqualTo(3);
    }

    @Test
    void whenTheServiceCannotBeReachedThePackageWaitsAndGoesExactlyOnceLater() throws Exception {
        // set up while the service is down: its address is one nothing answers on
        int closedPort;
        try (var s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CliRunner.Run down = laptop.run("deliver", "--service", "https://localhost:" + closedPort, "--root", rootFingerprint());
        assertThat(down.exitCode()).as(down.out() + down.err()).isEqualTo(6);
        assertThat(down.out()).contains("cannot be reached").contains("tried again");
        JsonNode waiting = JsonFiles.mapper().readTree(laptop.run("receipts", "--json").out()).get(0);
        assertThat(waiting.get("state").asText()).isEqualTo("waiting");
        assertThat(waiting.get("attempts").asInt()).isEqualTo(1);
        assertThat(waiting.has("nextAttemptAt")).isTrue();

        startService();
        new IntakeLedger(db).addSigner(SyncTestSupport.registrationOf(dir.resolve("laptop")));
        CliRunner.Run up = laptop.run("deliver", "--service", address, "--root", rootFingerprint());

        assertThat(up.exitCode()).as(up.err()).isZero();
        JsonNode receipts = JsonFiles.mapper().readTree(laptop.run("receipts", "--json").out());
        assertThat(receipts).hasSize(1);
        assertThat(receipts.get(0).get("state").asText()).isEqualTo("delivered");
        assertThat(count("intake_package")).isEqualTo(1);
    }

    @Test
    void aPackageTheServiceRefusesKeepsItsReasonAndIsNotSentAgain() throws Exception {
        startService(); // the laptop's certificate is not registered there, nor issued by the organisation root

        CliRunner.Run refused = laptop.run("deliver", "--service", address, "--root", rootFingerprint());

        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.out()).contains("Refused by the service").contains("not a registered assessor");
        assertThat(laptop.run("deliver").exitCode()).isEqualTo(4);
        JsonNode r = JsonFiles.mapper().readTree(laptop.run("receipts", "--json").out()).get(0);
        assertThat(r.get("state").asText()).isEqualTo("refused");
        assertThat(count("intake_package")).isZero();
    }

    @Test
    void deliverAgainSendsARefusedPackageOnceTheOfficeHasRegisteredTheAssessor() throws Exception {
        startService(); // not registered yet

        assertThat(laptop.run("deliver", "--service", address, "--root", rootFingerprint()).exitCode()).isEqualTo(5);
        CliRunner.Run nothing = laptop.run("deliver");
        assertThat(nothing.exitCode()).isEqualTo(4);
        assertThat(nothing.out()).as("a refused package has no receipt").doesNotContain("every package made here has its receipt")
                .contains("1 package the service refused").contains("deliver --again");

        new IntakeLedger(db).addSigner(SyncTestSupport.registrationOf(dir.resolve("laptop")));
        CliRunner.Run again = laptop.run("deliver", "--again");

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Delivered package").contains("3 sessions and 3 records");
        JsonNode r = JsonFiles.mapper().readTree(laptop.run("receipts", "--json").out()).get(0);
        assertThat(r.get("state").asText()).isEqualTo("delivered");
        assertThat(r.get("attempts").asInt()).isEqualTo(2);
        assertThat(count("intake_package")).isEqualTo(1);
        assertThat(laptop.run("deliver", "--again").exitCode()).isEqualTo(4);
    }

    @Test
    void theServiceMustBeGivenAsHttpsWithARootTrustedHere() throws Exception {
        CliRunner.Run http = laptop.run("deliver", "--service", "http://intake.example.org", "--root", rootFingerprint());
        assertThat(http.exitCode()).isEqualTo(2);
        assertThat(http.err()).contains("must start with https://");
        CliRunner.Run unknownRoot = laptop.run("deliver", "--service", "https://intake.example.org", "--root", "ab".repeat(32));
        assertThat(unknownRoot.exitCode()).isEqualTo(2);
        assertThat(unknownRoot.err()).contains("No organisation root with SHA-256");
    }

    private long count(String table) throws Exception {
        return db.inTransaction(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
