package org.epaworkbench.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.epaworkbench.app.Intake;
import org.epaworkbench.intake.Blobs;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeDatabases;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.sync.IntakeClient;
import org.epaworkbench.sync.SyncTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The assessor's network fails while a package is on its way: a relay between the app and the service
 * cuts the connection after a number of bytes (in the middle of a piece, twice at different places), at
 * once between two pieces, and once just as the service answers the last piece (the package is kept but
 * the answer is lost); then lets everything through. Each time nothing partial is kept, every new try
 * resumes where the service stopped, and the package ends up kept exactly once, with the receipt for its bytes.
 */
class NetworkCutDuringDeliveryTest {

    private static final int PIECES = 8;

    @TempDir
    Path dir;

    private IntakeDatabase db;
    private IntakeServer server;
    private CuttingRelay relay;

    @AfterEach
    void stop() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epaworkbench.intake.IntakeDatabases#kinds")
    void aNetworkCutManyTimesResumesAndDeliversExactlyOnce(IntakeDatabase.Kind kind) throws Exception {
        Path pkg = SyncTestSupport.deviceWithPackage(dir.resolve("device"), dir.resolve("usb"), false);
        SigningIdentity assessor = SyncTestSupport.identityOf(dir.resolve("device"));
        OrganisationAuthority authority = OrganisationAuthority.create(dir.resolve("authority"), "Highfield Assessment",
                "authority-password".toCharArray(), SyncTestSupport.clock());
        db = IntakeDatabases.fresh(kind, dir.resolve("service"));
        new IntakeLedger(db).addSigner(SyncTestSupport.registration(pkg));
        PlanLibrary plans = PlanLibrary.load(new PlanPackReader(), null, new ArrayList<>());
        SigningIdentity service = IntakeServerTest.serviceIdentity(authority);
        Blobs blobs = new Blobs(dir.resolve("service/blobs"));
        Intake intake = new Intake(db, blobs, service, SyncTestSupport.clock(), plans);
        var pw = OfficePages.OfficePassword.loadOrCreate(dir.resolve("service/office-password"));
        server = new IntakeServer(intake, dir.resolve("service/uploads"), service,
                new OfficePages(db, blobs, plans, pw.getKey(), ZoneOffset.UTC), SyncTestSupport.clock());
        relay = new CuttingRelay(server.start("127.0.0.1", 0));

        long size = Files.size(pkg);
        int piece = (int) (size / PIECES) + 1;
        String sha = Intake.sha256Of(pkg);
        String id = packageIdOf(pkg);
        IntakeClient client = new IntakeClient(URI.create("https://localhost:" + relay.port()), List.of(authority.root()),
                assessor, SyncTestSupport.clock(), piece);

        // cut in the middle of the second piece, then again two and a half pieces later (counting what is sent again)
        relay.cutAfterBytes(piece * 3L / 2, piece * 5L / 2);
        long betweenPiecesAt = (long) piece * 5; // then at once, before the sixth piece goes
        boolean[] cutBetween = {false};
        boolean[] droppedAnswer = {false};

        List<Long> startedAt = new ArrayList<>();
        List<Long> serviceHeld = new ArrayList<>();
        Path part = dir.resolve("service/uploads").resolve(sha + ".part");
        List<String> failures = new ArrayList<>();
        IntakeClient.Delivered delivered = null;
        for (int attempt = 0; attempt < 20 && delivered == null; attempt++) {
            boolean[] first = {true};
            serviceHeld.add(Files.exists(part) ? Files.size(part) : 0);
            try {
                delivered = client.deliver(pkg, id, sha, offset -> {
                    if (first[0]) {
                        startedAt.add(offset);
                        first[0] = false;
                    }
                    if (!cutBetween[0] && relay.cutsLeft() == 0 && offset >= betweenPiecesAt) {
                        cutBetween[0] = true;
                        relay.cutNow();
                    } else if (!droppedAnswer[0] && cutBetween[0] && offset < size && offset + piece >= size) {
                        droppedAnswer[0] = true;
                        relay.dropNextAnswer();
                    }
                });
            } catch (IntakeClient.Unreachable e) {
                failures.add(e.getMessage());
            }
            relay.awaitServerLetGo(60);
            long kept = count("intake_package");
            assertThat(kept).as("attempt %d: the package is kept whole or not at all", attempt).isLessThanOrEqualTo(1);
            if (kept == 0) {
                assertThat(count("intake_session") + count("intake_event") + count("intake_record"))
                        .as("attempt %d: nothing partial", attempt).isZero();
            }
        }

        assertThat(delivered).as("delivered in the end (failures: %s)", failures).isNotNull();
        assertThat(relay.cuts()).as("every planned cut was made").isEqualTo(4);
        assertThat(cutBetween[0]).isTrue();
        assertThat(droppedAnswer[0]).isTrue();
        // the cuts inside pieces and the lost answer each fail a try; a cut between pieces may fail one too, or
        // the HTTP client opens a new connection by itself before it sends
        assertThat(failures).as("tries that failed").hasSizeBetween(3, 4);
        // every try resumed where the service had stopped, never again from the start
        // (the last try only asked, and was told the package had arrived: it sent no piece)
        assertThat(startedAt).as("each try began at the bytes the service held")
                .isEqualTo(serviceHeld.subList(0, startedAt.size()));
        assertThat(startedAt).as("offsets each try began at").isSorted().hasSizeGreaterThanOrEqualTo(3);
        assertThat(startedAt.subList(1, startedAt.size())).as("tries after a cut").allMatch(o -> o >= piece);
        assertThat(relay.upstreamBytes()).as("bytes sent: the package once, the two pieces cut and the requests' headers, "
                + "not the package again").isLessThan(size + 2L * piece + 32L * 1024);
        // the last answer was lost after the service kept the package: the next try got the same receipt
        assertThat(delivered.again()).isTrue();
        assertThat(delivered.receipt().sha256()).isEqualTo(sha);
        assertThat(delivered.receipt().packageId()).isEqualTo(id);
        assertThat(delivered.receipt().sessions()).hasSize(3);
        assertThat(count("intake_package")).isEqualTo(1);
        assertThat(count("intake_session")).isEqualTo(3);
        assertThat(count("intake_record")).isEqualTo(3);
        try (Stream<Path> left = Files.list(dir.resolve("service/uploads"))) {
            assertThat(left.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
        // and asked again, the same receipt, byte for byte
        IntakeClient.Delivered again = client.deliver(pkg, id, sha, o -> { });
        assertThat(again.json()).isEqualTo(delivered.json());
        assertThat(count("intake_package")).isEqualTo(1);
    }

    private long count(String table) throws Exception {
        return db.inTransaction(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static String packageIdOf(Path pkg) throws Exception {
        try (var zip = new java.util.zip.ZipFile(pkg.toFile())) {
            return org.epaworkbench.packs.JsonFiles.mapper().readTree(zip.getInputStream(zip.getEntry("manifest.json")))
                    .get("packageId").asText();
        }
    }
}
