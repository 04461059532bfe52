package org.epaworkbench.sync;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.SigningIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of imported session logs share: one assessor's package made once, its observation's
 * entry found, and a fresh office for each test with a snapshot of it to compare with afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ObservationLogFixture {

    @TempDir
    static Path dir;
    SyncFixture device;
    SigningIdentity identity;
    String ownerKey;
    Map<String, byte[]> entries;
    String observationEntry;
    SyncFixture office;
    int run;
    String before;

    @BeforeAll
    void makePackage() throws Exception {
        device = SyncFixture.keyedAssessorDevice(dir.resolve("laptop"));
        identity = device.identity();
        ownerKey = Certificates.publicKeyFingerprint(identity.certificate());
        entries = PackageRefusalTest.entries(Files.readAllBytes(device.exportPending(dir.resolve("usb"))));
        observationEntry = entries.keySet().stream().filter(n -> n.startsWith(PackageFormat.SESSIONS))
                .filter(n -> new String(entries.get(n), StandardCharsets.UTF_8).contains("\"componentId\" : \"observation\""))
                .findFirst().orElseThrow();
    }

    @BeforeEach
    void freshOffice() throws Exception {
        office = new SyncFixture(dir.resolve("office-" + run++));
        before = office.snapshot();
    }

    @AfterEach
    void closeOffice() {
        office.close();
    }

    @AfterAll
    void close() {
        device.close();
    }
}
