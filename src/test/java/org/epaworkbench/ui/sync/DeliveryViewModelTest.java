package org.epaworkbench.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.app.IntakeFixture;
import org.epaworkbench.sync.SyncTestSupport;
import org.epaworkbench.ui.common.Runner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Outbox's deliveries without a screen (issue 15), against a real intake service started here: the key
 * asked for once per run, "Delivery paused — unlock to deliver", progress, each package's state in words
 * (waiting with its next try and problem, delivered, refused with the service's reason), the receipt shown and exported.
 */
class DeliveryViewModelTest {

    @TempDir
    Path dir;
    IntakeFixture f;
    DeliveryViewModel model;
    int askedForKey;
    final List<Double> progress = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        f = new IntakeFixture(dir);
        model = new DeliveryViewModel(f.laptop.services().organisationDelivery(), f.laptop.services().delivery(), f.automatic,
                Runner.IN_PLACE, Runnable::run, ZoneOffset.UTC);
        model.onKeyNeeded(() -> {
            if (model.askNow()) {
                askedForKey++;
            }
        });
        model.progress().addListener((o, was, now) -> progress.add(now.doubleValue()));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void notSetUpSaysSoAndDeliverNowHasNothingToDo() {
        model.start();
        f.scheduler.runDue();
        assertThat(model.setUp().get()).isFalse();
        assertThat(model.status().get()).contains("not set up");
        assertThat(model.rows()).isEmpty();
        assertThat(askedForKey).isZero();
    }

    @Test
    void theKeyIsAskedForOnceADeclinedOnePausesAndUnlockingDelivers() throws Exception {
        f.targetSet().registered().serviceUp();
        model.start();
        f.scheduler.runDue();
        assertThat(askedForKey).isEqualTo(1);
        assertThat(model.locked().get()).isTrue();

        model.decline();
        f.scheduler.runDue();
        assertThat(model.status().get()).isEqualTo("Delivery paused — unlock to deliver.");
        assertThat(model.locked().get()).as("\"Unlock to deliver\" shows").isTrue();
        assertThat(model.deliverNow()).as("Deliver now asks for the key first").isFalse();
        f.clock.advance(Duration.ofMinutes(3));
        f.scheduler.runDue();
        assertThat(askedForKey).as("not asked again by itself in this run").isEqualTo(1);

        List<DeliveryViewModel.Unlock> outcomes = new ArrayList<>();
        model.unlock("wrong".toCharArray(), outcomes::add);
        assertThat(outcomes).singleElement().isInstanceOf(DeliveryViewModel.WrongPassword.class);
        model.unlock(SyncTestSupport.password().toCharArray(), outcomes::add);
        assertThat(outcomes.get(1)).isInstanceOf(DeliveryViewModel.Unlocked.class);
        f.scheduler.runDue();

        assertThat(model.locked().get()).isFalse();
        assertThat(model.delivering().get()).isFalse();
        assertThat(progress).as("the progress bar went up to the whole package").contains(1.0);
        assertThat(model.rows()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo("Delivered, receipt kept");
            assertThat(r.when()).startsWith("received 23 Nov 2026");
            assertThat(r.contents()).isEqualTo("3 records, 3 sessions");
            assertThat(r.delivered()).isTrue();
        });
        assertThat(model.status().get()).contains("has been delivered");
        assertThat(model.deliverNow()).isTrue();
    }

    @Test
    void aWaitingPackageShowsItsNextTryAndProblemAndADeliveredOneItsReceipt() throws Exception {
        f.targetSet().registered();
        model.start();
        model.unlock(SyncTestSupport.password().toCharArray(), o -> { });
        f.scheduler.runDue();
        DeliveryViewModel.Row waiting = model.rows().get(0);
        assertThat(waiting.state()).startsWith("Waiting, next try 23 Nov 2026 15:00").contains("last problem: The service at")
                .contains("cannot be reached");
        assertThat(waiting.delivered()).isFalse();
        assertThat(model.status().get()).contains("Tried again by itself");

        f.serviceUp();
        assertThat(model.deliverNow()).isTrue();
        f.scheduler.runDue();
        DeliveryViewModel.Row delivered = model.rows().get(0);
        assertThat(delivered.state()).isEqualTo("Delivered, receipt kept");
        assertThat(delivered.delivery().attempts()).isEqualTo(2);

        String text = model.receiptText(delivered).orElseThrow();
        assertThat(text).contains("Package: " + delivered.packageId()).contains("SHA-256: " + delivered.delivery().sha256())
                .contains("Accepted: 3 sessions and 3 records").contains("Received at: 23 Nov 2026").contains("Signed by:")
                .contains("localhost");
        Path usb = Files.createDirectories(dir.resolve("usb"));
        assertThat(model.exportReceipt(delivered, usb)).contains(delivered.packageId() + ".receipt.json");
        assertThat(usb.resolve(delivered.packageId() + ".receipt.json.p7s")).exists();
    }

    @Test
    void aRefusedPackageShowsTheServicesReason() throws Exception {
        f.targetSet().serviceUp();
        model.start();
        model.unlock(SyncTestSupport.password().toCharArray(), o -> { });
        f.scheduler.runDue();
        assertThat(model.rows()).singleElement().satisfies(r -> assertThat(r.state()).startsWith("Refused: ")
                .contains("not a registered assessor"));
    }

    @Test
    void aRefusedPackageSaysSoAndDeliverAgainSendsItOnceTheOfficeHasPutItRight() throws Exception {
        f.targetSet().serviceUp();
        model.start();
        model.unlock(SyncTestSupport.password().toCharArray(), o -> { });
        f.scheduler.runDue();
        assertThat(model.status().get()).as("a refusal is not \"everything delivered\"")
                .doesNotContain("has been delivered").contains("refused a package").contains("Deliver again");
        DeliveryViewModel.Row refused = model.rows().get(0);
        assertThat(refused.refused()).isTrue();

        f.registered(); // the office adds the assessor to its register
        List<String> problems = new ArrayList<>();
        assertThat(model.deliverAgain(refused, problems::add)).as("the key is unlocked: it goes now").isTrue();
        f.scheduler.runDue();

        assertThat(problems).isEmpty();
        assertThat(model.rows()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo("Delivered, receipt kept");
            assertThat(r.delivery().attempts()).isEqualTo(2);
        });
        assertThat(model.status().get()).contains("Everything made here has been delivered");
        assertThat(f.count("intake_package")).isEqualTo(1);
        model.deliverAgain(model.rows().get(0), problems::add);
        assertThat(problems).singleElement().asString().contains("was not refused");
    }

    @Test
    void deliverAgainWithTheKeyLockedAsksForItOnceOnly() throws Exception {
        f.targetSet().serviceUp();
        // refused in an earlier run of the app: this run has not unlocked the key
        org.epaworkbench.app.AssessorIdentity.Unlocked earlier = f.laptop.services().assessorIdentity()
                .unlock(SyncTestSupport.password().toCharArray(), "");
        f.laptop.services().organisationDelivery().deliverNow(earlier, true, bytes -> { });
        model.start();
        f.scheduler.runDue();
        assertThat(model.rows()).singleElement().satisfies(r -> assertThat(r.refused()).isTrue());
        assertThat(askedForKey).as("nothing waits: the key is not asked for").isZero();

        f.registered();
        assertThat(model.deliverAgain(model.rows().get(0), p -> { })).as("locked: the view asks for the key").isFalse();
        f.scheduler.runDue();

        assertThat(askedForKey).as("the view's own question is the only one").isZero();
        model.unlock(SyncTestSupport.password().toCharArray(), o -> { });
        f.scheduler.runDue();
        assertThat(model.rows()).singleElement().satisfies(r -> assertThat(r.delivered()).isTrue());
    }
}
