package org.epaworkbench.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.app.ImportFlow;
import org.epaworkbench.app.Importing;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.sync.SyncTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Import screen's decisions without a screen (issue 14): trust on first use, checking then importing, what each says. */
class ImportViewModelTest {

    @TempDir
    Path dir;
    Workbench office;
    ImportViewModel model;
    /** The answers the office gives, in order; what it was asked. */
    final List<Object> answers = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    final ImportViewModel.Asker asker = new ImportViewModel.Asker() {
        @Override
        public boolean confirm(String title, String question, String action) {
            asked.add(title + ": " + question);
            return (Boolean) answers.remove(0);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Optional<char[]> password(String title, String header, String action) {
            asked.add(title + ": " + header);
            return (Optional<char[]>) answers.remove(0);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Optional<String> choose(String title, String header, List<String> choices) {
            asked.add(title + ": " + String.join(" | ", choices));
            return (Optional<String>) answers.remove(0);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Optional<String> reason(String title, String question, String example) {
            asked.add(title + ": " + question);
            return (Optional<String>) answers.remove(0);
        }
    };

    @BeforeEach
    void open() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        office = Workbench.open(DataDirectory.at(dir.resolve("office")), clock, new ManualClock(clock.instant()));
        model = new ImportViewModel(office.services().importing(), office.services().assessorIdentity());
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void trustOnFirstUseIsTurnedOnOnlyAfterTheWarningIsAccepted() throws Exception {
        model.show(model.load());
        assertThat(model.firstUse().get()).as("off unless chosen").isFalse();

        answers.add(false);
        assertThat(model.chooseFirstUse(true, asker)).isFalse();
        assertThat(model.firstUse().get()).isFalse();
        assertThat(asked).singleElement().asString().contains("whoever reaches this office first");

        answers.add(true);
        assertThat(model.chooseFirstUse(true, asker)).isTrue();
        model.saveFirstUse(true);
        assertThat(office.services().settings().trustOnFirstUse()).isTrue();

        assertThat(model.chooseFirstUse(false, asker)).as("turning it off asks nothing").isTrue();
        assertThat(asked).hasSize(2);
    }

    @Test
    void aPackageIsCheckedThenImportedAndAnUntrustedSignerIsRefusedInWords() throws Exception {
        Path laptop = dir.resolve("laptop");
        Path pkg = SyncTestSupport.deviceWithPackage(laptop, dir.resolve("usb"), false);

        ImportFlow untrusted = model.open(pkg, asker).orElseThrow();
        model.checked(untrusted, untrusted.check());
        assertThat(model.shown().get().bad()).isTrue();
        assertThat(model.shown().get().text()).startsWith("Untrusted signer, nothing imported").contains("org trust");
        assertThat(model.toImport()).isNull();
        assertThat(untrusted.importNow()).as("not checked, not imported").isInstanceOf(ImportFlow.Failed.class);

        Path notACertificate = Files.writeString(dir.resolve("x.pem"), "hello");
        assertThat(model.addCertificate(notACertificate).text()).isEqualTo("Not added: " + notACertificate
                + " is not a certificate (PEM or DER expected).");
        ImportViewModel.Shown added = model.addCertificate(laptop.resolve("keys").resolve("assessor.pem"));
        assertThat(added.bad()).isFalse();
        assertThat(added.text()).startsWith("Added to the register: ");
        model.show(model.load());
        assertThat(model.register()).singleElement().satisfies(s -> assertThat(s.how()).isEqualTo("added"));

        ImportFlow flow = model.open(pkg, asker).orElseThrow();
        model.checked(flow, flow.check());
        ImportViewModel.Shown checked = model.shown().get();
        assertThat(checked.offerImport()).isTrue();
        assertThat(checked.text()).startsWith("Checked: signature valid, every entry intact. Importing would add 3 sessions");
        assertThat(office.sessions().list()).as("a check changes nothing").isEmpty();
        assertThat(model.toImport()).isSameAs(flow);

        model.imported(model.toImport().importNow());
        assertThat(model.shown().get().text()).startsWith("Imported: 3 sessions");
        assertThat(model.shown().get().offerImport()).isFalse();
        assertThat(model.toImport()).isNull();
        assertThat(office.sessions().list()).hasSize(3);
        assertThat(asked).as("a package not encrypted asks for no password").isEmpty();
    }

    @Test
    void anEncryptedPackageAsksForThePasswordOfTheKeyChosenAndAWrongOneImportsNothing() throws Exception {
        Path pkg = SyncTestSupport.deviceWithPackage(dir.resolve("laptop"), dir.resolve("usb"), false);
        Path encrypted = Files.write(dir.resolve("encrypted.epapkg"), new byte[] {0x30, 0x01, 0x02});
        assertThat(Importing.encrypted(pkg)).isFalse();
        assertThat(Importing.encrypted(encrypted)).isTrue();

        answers.add(Optional.empty());
        assertThat(model.open(encrypted, asker)).as("cancelled at the password").isEmpty();
        assertThat(asked).singleElement().asString().contains("this data folder's signing key");

        model.organisationKey().set(dir.resolve("org").resolve("organisation.p12"));
        assertThat(model.keyChoice()).isEqualTo("Encrypted packages are opened with the organisation key organisation.p12.");
        char[] password = "not the password".toCharArray();
        answers.add(Optional.of(password));
        ImportFlow flow = model.open(encrypted, asker).orElseThrow();
        assertThat(asked.get(1)).contains("organisation.p12");
        model.checked(flow, flow.check());
        assertThat(model.shown().get().bad()).isTrue();
        assertThat(model.shown().get().text()).startsWith("Cannot open the key: ");
        assertThat(password).as("the password is wiped").containsOnly('\0');
        assertThat(model.toImport()).isNull();

        assertThat(model.open(dir.resolve("missing.epapkg"), asker)).isEmpty();
        assertThat(model.shown().get().text()).startsWith("Cannot read " + dir.resolve("missing.epapkg"));
    }

    @Test
    void aConflictIsResolvedWithTheVersionChosenAndAReason() {
        Importing.Conflict conflict = new Importing.Conflict("s-1", 7, List.of("e-a", "e-b"), List.of(
                new Importing.Version("e-a", "0123456789abcdef", Instant.parse("2026-11-20T10:00:00Z"), "Judged K3.3: met"),
                new Importing.Version("e-b", "fedcba9876543210", Instant.parse("2026-11-20T10:01:00Z"), "Judged K3.3: not met")));
        answers.add(Optional.of("e-b — device fedcba98 — Judged K3.3: not met"));
        answers.add(Optional.of("  confirmed with the assessor "));
        assertThat(model.resolution(conflict, asker)).hasValueSatisfying(r -> {
            assertThat(r.kept().eventId()).isEqualTo("e-b");
            assertThat(r.reason()).isEqualTo("confirmed with the assessor");
        });
        assertThat(asked.get(0)).contains("e-a — device 01234567 — Judged K3.3: met");

        answers.add(Optional.of("e-a — device 01234567 — Judged K3.3: met"));
        answers.add(Optional.of("   "));
        assertThat(model.resolution(conflict, asker)).as("no reason, no resolution").isEmpty();
        answers.add(Optional.empty());
        assertThat(model.resolution(conflict, asker)).as("no version chosen").isEmpty();
    }

    @Test
    void anOrganisationRootIsTrustedOnceAndRemovedOnlyWhenTheOfficeSaysSo() throws Exception {
        Path orgFolder = dir.resolve("org");
        org.epaworkbench.keys.OrganisationAuthority.create(orgFolder, "Highfield Assessment", "organisation-pass".toCharArray(),
                Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC));
        Path root = orgFolder.resolve(org.epaworkbench.app.Organisation.ROOT);

        ImportViewModel.Shown trusted = model.trustRoot(root);
        assertThat(trusted.bad()).isFalse();
        assertThat(trusted.text()).startsWith("Now trusted: ").contains("Highfield Assessment").contains("SHA-256");
        assertThat(model.trustRoot(root).text()).startsWith("Already trusted: ");
        Path notACertificate = Files.writeString(dir.resolve("root.crt"), "hello");
        assertThat(model.trustRoot(notACertificate)).satisfies(s -> {
            assertThat(s.bad()).isTrue();
            assertThat(s.text()).startsWith("Not trusted: ");
        });
        model.show(model.load());
        Importing.Root installed = model.roots().get(0);
        assertThat(model.roots()).hasSize(1);

        answers.add(false);
        assertThat(model.confirmRemove(installed, asker)).isFalse();
        assertThat(asked).singleElement().asString().contains("will no longer be trusted here");
        assertThat(model.removeRoot(installed).text()).isEqualTo("No longer trusted: " + installed.subject() + ".");
        model.show(model.load());
        assertThat(model.roots()).isEmpty();
    }
}
