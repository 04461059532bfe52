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
import org.epaworkbench.app.ExportFlow;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.store.DataDirectory;
import org.epaworkbench.sync.SyncTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Outbox screen's decisions without a screen (issue 14): what it says, what an export asks, how it ends. */
class OutboxViewModelTest {

    @TempDir
    Path dir;
    Workbench laptop;
    OutboxViewModel model;
    Path usb;
    final List<String> problems = new ArrayList<>();
    final List<String> steps = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        usb = Files.createDirectories(dir.resolve("usb"));
        SyncTestSupport.deviceWithPackage(dir.resolve("laptop"), usb, true);
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
        laptop = Workbench.open(DataDirectory.at(dir.resolve("laptop")), clock, new ManualClock(clock.instant()));
        model = new OutboxViewModel(laptop.services().delivery());
    }

    @AfterEach
    void close() {
        laptop.close();
    }

    OutboxViewModel.Asker asker(Optional<Path> folder, Optional<Path> certificate) {
        return new OutboxViewModel.Asker() {
            @Override
            public Optional<Path> folder() {
                return folder;
            }

            @Override
            public Optional<Path> certificate() {
                return certificate;
            }

            @Override
            public void problem(String title, String message) {
                problems.add(title + ": " + message);
            }
        };
    }

    ExportFlow.Progress progress(boolean cancelled) {
        return new ExportFlow.Progress() {
            @Override
            public void step(String words) {
                steps.add(words);
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }
        };
    }

    long packagesIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void theOutboxSaysWhatWaitsAndThatExportingAgainDoesNoHarm() throws Exception {
        model.show(model.load());
        assertThat(model.pending()).hasSize(1);
        assertThat(model.packages()).hasSize(1).allSatisfy(p -> assertThat(p.uploadedAt()).isNull());
        assertThat(model.nothingWaiting().get()).isFalse();
        assertThat(model.summary().get()).startsWith("1 signed record and ").contains("exporting again never does harm")
                .doesNotContain("Sample data");

        assertThat(model.markUploaded(model.packages().get(0))).isTrue();
        model.show(model.load());
        assertThat(model.packages().get(0).uploadedAt()).isNotNull();
    }

    @Test
    void anExportAsksForAFolderAndWhenEncryptingACertificateAndStopsWhenEitherIsCancelled() throws Exception {
        assertThat(model.request(true, List.of(), asker(Optional.empty(), Optional.empty()))).isEmpty();

        Optional<ExportFlow.Request> plain = model.request(true, List.of(), asker(Optional.of(usb), Optional.empty()));
        assertThat(plain).hasValueSatisfying(r -> {
            assertThat(r.folder()).isEqualTo(usb);
            assertThat(r.encryptTo()).isNull();
        });

        model.encrypt().set(true);
        assertThat(model.request(true, List.of(), asker(Optional.of(usb), Optional.empty()))).as("no certificate chosen").isEmpty();
        Path notACertificate = Files.writeString(dir.resolve("org.pem"), "not a certificate");
        assertThat(model.request(true, List.of(), asker(Optional.of(usb), Optional.of(notACertificate)))).isEmpty();
        assertThat(problems).singleElement().asString().startsWith("Not a certificate: " + notACertificate);
        Path certificate = dir.resolve("laptop").resolve("keys").resolve("assessor.pem");
        assertThat(model.request(true, List.of(), asker(Optional.of(usb), Optional.of(certificate))))
                .hasValueSatisfying(r -> assertThat(r.encryptTo()).isNotNull());
    }

    @Test
    void aWrongPasswordExportsNothingAndSaysWhereThePackageWillGoThenTheRightOneExports() throws Exception {
        ExportFlow.Request request = model.request(true, List.of(), asker(Optional.of(usb), Optional.empty())).orElseThrow();
        long before = packagesIn(usb);
        char[] wrong = "not the password".toCharArray();

        ExportFlow.Outcome refused = model.export(request, wrong, progress(false));
        assertThat(refused).isInstanceOfSatisfying(ExportFlow.WrongPassword.class, w -> assertThat(w.message())
                .contains("does not unlock").contains("nothing was exported").contains(usb.toString()));
        assertThat(wrong).as("the password is wiped").containsOnly('\0');
        assertThat(packagesIn(usb)).isEqualTo(before);

        ExportFlow.Outcome done = model.export(request, "device-password".toCharArray(), progress(false));
        assertThat(done).isInstanceOfSatisfying(ExportFlow.Succeeded.class, s -> {
            assertThat(s.summary()).startsWith("1 signed record and ").contains(usb.toString());
            assertThat(s.exported().file()).exists();
        });
        assertThat(steps).contains("Unlocking the signing key", "Writing and signing the package");
        assertThat(packagesIn(usb)).isEqualTo(before + 1);
        model.show(model.load());
        assertThat(model.pending()).isEmpty();
        assertThat(model.nothingWaiting().get()).isTrue();
        assertThat(model.packages()).hasSize(2);

        assertThat(model.export(request, "device-password".toCharArray(), progress(false)))
                .as("nothing left to export").isInstanceOfSatisfying(ExportFlow.Failed.class,
                        f -> assertThat(f.message()).startsWith("Nothing to export"));
    }

    @Test
    void anExportCancelledWhileItRunsWritesNothing() throws Exception {
        ExportFlow.Request request = model.request(true, List.of(), asker(Optional.of(usb), Optional.empty())).orElseThrow();
        long before = packagesIn(usb);
        assertThat(model.export(request, "device-password".toCharArray(), progress(true))).isInstanceOf(ExportFlow.Cancelled.class);
        assertThat(packagesIn(usb)).isEqualTo(before);
        model.show(model.load());
        assertThat(model.pending()).hasSize(1);
    }
}
