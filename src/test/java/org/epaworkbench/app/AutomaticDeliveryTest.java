package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.store.Deliveries;
import org.epaworkbench.sync.SyncTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox delivering by itself (issue 15) to a real intake service started here, on SQLite: the key asked
 * for once, a stopped service tried again when the back-off says, a refusal kept with its reason, and
 * delivered copies removed only after their receipt and the days chosen. Time and the scheduler are the test's.
 */
class AutomaticDeliveryTest {

    @TempDir
    Path dir;
    IntakeFixture f;
    final List<AutomaticDelivery.Status> seen = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        f = new IntakeFixture(dir);
        f.automatic.listen(seen::add);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    OrganisationDelivery delivery() {
        return f.laptop.services().organisationDelivery();
    }

    List<Deliveries.Delivery> deliveries() throws Exception {
        return delivery().deliveries();
    }

    @Test
    void withoutATargetNothingIsDeliveredAndNoKeyIsAskedFor() throws Exception {
        f.automatic.start();
        f.scheduler.runDue();
        assertThat(f.automatic.status().phase()).isEqualTo(AutomaticDelivery.Phase.NOT_SET_UP);
        assertThat(deliveries()).isEmpty();
        assertThat(f.scheduler.nextDue()).contains(f.clock.instant().plus(AutomaticDelivery.LOOK_EVERY));
    }

    @Test
    void somethingWaitingAsksForTheKeyOnceThenDeliversWithAReceiptAndProgress() throws Exception {
        f.targetSet().registered().serviceUp();
        f.automatic.start();
        f.scheduler.runDue();
        assertThat(f.automatic.status().phase()).isEqualTo(AutomaticDelivery.Phase.NEEDS_KEY);
        assertThat(deliveries()).as("nothing is packed or sent before the key is unlocked").isEmpty();

        assertThatThrownBy(() -> f.automatic.unlock("not it".toCharArray())).isInstanceOf(KeyStoreProblem.WrongPassword.class);
        f.automatic.unlock(SyncTestSupport.password().toCharArray());
        f.scheduler.runDue();

        assertThat(f.automatic.status().phase()).isEqualTo(AutomaticDelivery.Phase.UP_TO_DATE);
        assertThat(deliveries()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(Deliveries.State.DELIVERED);
            assertThat(d.receipt()).isNotNull();
        });
        Deliveries.Delivery d = deliveries().get(0);
        assertThat(seen).anySatisfy(s -> {
            assertThat(s.phase()).isEqualTo(AutomaticDelivery.Phase.DELIVERING);
            assertThat(s.bytesHeld()).isEqualTo(d.sizeBytes());
        });
        OrganisationDelivery.ShownReceipt shown = delivery().shownReceipt(d).orElseThrow();
        assertThat(shown.receipt().sha256()).isEqualTo(d.sha256());
        assertThat(shown.receipt().sessions()).hasSize(3);
        assertThat(shown.receipt().records()).hasSize(3);
        assertThat(shown.signedBy()).contains("localhost");
        assertThat(f.count("intake_package")).isEqualTo(1);

        // a minute later, nothing new: nothing sent again, the key not asked for again
        f.clock.advance(AutomaticDelivery.LOOK_EVERY);
        f.scheduler.runDue();
        assertThat(f.automatic.status().phase()).isEqualTo(AutomaticDelivery.Phase.UP_TO_DATE);
        assertThat(f.count("intake_package")).isEqualTo(1);
    }

    @Test
    void aStoppedServiceLeavesThePackageWaitingAndTheNextTryDeliversItWhenItIsBack() throws Exception {
        f.targetSet().registered();
        f.automatic.unlock(SyncTestSupport.password().toCharArray());
        f.scheduler.runDue();

        Deliveries.Delivery waiting = deliveries().get(0);
        assertThat(waiting.state()).isEqualTo(Deliveries.State.WAITING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.problem()).contains("cannot be reached");
        Instant nextTry = waiting.nextAttemptAt();
        assertThat(nextTry).isBetween(f.clock.instant().plusSeconds(15), f.clock.instant().plusSeconds(30));
        assertThat(f.automatic.status().phase()).isEqualTo(AutomaticDelivery.Phase.WAITING);
        assertThat(f.automatic.status().nextTry()).isEqualTo(nextTry);
        assertThat(f.automatic.status().words()).contains("cannot be reached");
        assertThat(f.scheduler.nextDue()).as("the next round is when the back-off says").contains(nextTry);

        f.serviceUp();
        f.clock.advance(Duration.between(f.clock.instant(), nextTry).minusSeconds(1));
        f.scheduler.runDue();
        assertThat(deliveries().get(0).state()).as("not before its time").isEqualTo(Deliveries.State.WAITING);

        f.clock.advance(Duration.ofSeconds(1));
        f.scheduler.runDue();
        Deliveries.Delivery delivered = deliveries().get(0);
        assertThat(delivered.state()).isEqualTo(Deliveries.State.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivery().receipt(delivered).orElseThrow().sha256()).isEqualTo(delivered.sha256());
        assertThat(f.automatic.status().phase()).isEqualTo(AutomaticDelivery.Phase.UP_TO_DATE);
        assertThat(f.count("intake_package")).isEqualTo(1);
    }

    @Test
    void aRefusedPackageKeepsTheServicesReasonAndIsNotSentAgain() throws Exception {
        f.targetSet().serviceUp(); // the laptop's assessor is not in the service's register
        f.automatic.unlock(SyncTestSupport.password().toCharArray());
        f.scheduler.runDue();

        Deliveries.Delivery refused = deliveries().get(0);
        assertThat(refused.state()).isEqualTo(Deliveries.State.REFUSED);
        assertThat(refused.problem()).contains("not a registered assessor");
        f.clock.advance(Duration.ofHours(2));
        f.scheduler.runDue();
        assertThat(deliveries().get(0).attempts()).isEqualTo(1);
        assertThat(f.count("intake_package")).isZero();
    }

    @Test
    void whileASessionRunsNothingIsPackedOrAskedForByItselfButDeliverNowDoes() throws Exception {
        f.targetSet().registered().serviceUp();
        var existing = f.laptop.sessionService().list().get(0);
        var plan = f.laptop.plans().plan(existing.planId()).orElseThrow();
        var running = f.laptop.sessionService().create(plan, new org.epaworkbench.session.SessionDetails(existing.apprenticeId(),
                plan.id(), plan.version(), existing.componentId(), org.epaworkbench.plan.AttemptKind.FIRST,
                org.epaworkbench.session.AssessmentMode.FACE_TO_FACE, "Store floor", "Passport"),
                new org.epaworkbench.session.ManualClock(f.clock.instant()), org.epaworkbench.session.SessionSettings.DEFAULT, null);
        running.perform(l -> l.start());
        assertThat(f.laptop.sessionService().running()).hasSize(1);

        f.automatic.start();
        f.scheduler.runDue();
        assertThat(f.automatic.status().phase()).as("the key is not asked for over a running session")
                .isEqualTo(AutomaticDelivery.Phase.UP_TO_DATE);
        assertThat(f.automatic.status().words()).contains("once no session is running");
        assertThat(deliveries()).isEmpty();

        f.automatic.unlock(SyncTestSupport.password().toCharArray()); // as "Unlock to deliver" / "Deliver now" do
        f.scheduler.runDue();
        assertThat(deliveries()).singleElement().satisfies(d -> assertThat(d.state()).isEqualTo(Deliveries.State.DELIVERED));
    }

    @Test
    void declinedTheKeyPausesDeliveryUntilUnlocked() throws Exception {
        f.targetSet().registered().serviceUp();
        f.automatic.start();
        f.scheduler.runDue();
        f.automatic.decline();
        f.scheduler.runDue();
        assertThat(f.automatic.status().phase()).isEqualTo(AutomaticDelivery.Phase.PAUSED);
        assertThat(f.automatic.status().words()).isEqualTo("Delivery paused — unlock to deliver.");
        f.clock.advance(Duration.ofMinutes(5));
        f.scheduler.runDue();
        assertThat(f.automatic.status().phase()).isEqualTo(AutomaticDelivery.Phase.PAUSED);
        assertThat(deliveries()).isEmpty();

        f.automatic.unlock(SyncTestSupport.password().toCharArray());
        f.scheduler.runDue();
        assertThat(deliveries().get(0).state()).isEqualTo(Deliveries.State.DELIVERED);
    }

    @Test
    void deliveredCopiesAreRemovedOnlyAfterTheirReceiptAndTheDaysChosen() throws Exception {
        f.targetSet().registered().serviceUp();
        f.laptop.settings().removeDeliveredAfterDays(OptionalInt.of(2));
        f.automatic.unlock(SyncTestSupport.password().toCharArray());
        f.scheduler.runDue();
        Deliveries.Delivery delivered = deliveries().get(0);
        assertThat(delivered.state()).isEqualTo(Deliveries.State.DELIVERED);

        Path kept = Path.of(delivered.file());
        assertThat(kept).exists();

        f.clock.advance(Duration.ofDays(2).minusMinutes(1));
        f.scheduler.runDue();
        assertThat(kept).as("not before two days after the receipt").exists();
        assertThat(delivery().localCopyKept(delivered)).isTrue();

        f.clock.advance(Duration.ofMinutes(1));
        f.scheduler.runDue();
        assertThat(kept).doesNotExist();
        assertThat(delivery().localCopyKept(delivered)).isFalse();
        assertThat(deliveries().get(0).state()).as("still delivered, receipt kept").isEqualTo(Deliveries.State.DELIVERED);
        assertThat(delivery().receipt(deliveries().get(0))).isPresent();
    }

    @Test
    void aPackageWithoutAReceiptIsNeverRemovedHoweverOld() throws Exception {
        f.targetSet().registered(); // the service is down: the package waits, with no receipt
        f.laptop.settings().removeDeliveredAfterDays(OptionalInt.of(1));
        f.automatic.unlock(SyncTestSupport.password().toCharArray());
        f.scheduler.runDue();
        Deliveries.Delivery waiting = deliveries().get(0);
        assertThat(waiting.state()).isEqualTo(Deliveries.State.WAITING);

        f.clock.advance(Duration.ofDays(30));
        assertThat(delivery().removeDeliveredCopies()).isEmpty();
        assertThat(Path.of(waiting.file())).exists();
    }

    @Test
    void keepingDeliveredCopiesIsOffByDefaultAndAtLeastADay() throws Exception {
        assertThat(f.laptop.settings().removeDeliveredAfterDays()).isEmpty();
        assertThatThrownBy(() -> f.laptop.settings().removeDeliveredAfterDays(OptionalInt.of(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one day");
        f.laptop.settings().removeDeliveredAfterDays(OptionalInt.of(14));
        assertThat(f.laptop.settings().removeDeliveredAfterDays()).hasValue(14);
        f.laptop.settings().removeDeliveredAfterDays(OptionalInt.empty());
        assertThat(f.laptop.settings().removeDeliveredAfterDays()).isEmpty();
    }

    @Test
    void aReceiptIsExportedAsItsSignedJsonAndTheDetachedSignature() throws Exception {
        f.targetSet().registered().serviceUp();
        f.automatic.unlock(SyncTestSupport.password().toCharArray());
        f.scheduler.runDue();
        Deliveries.Delivery d = deliveries().get(0);
        Path out = Files.createDirectories(dir.resolve("usb"));

        List<Path> files = delivery().exportReceipt(d, out);

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly(d.packageId() + ".receipt.json", d.packageId() + ".receipt.json.p7s");
        org.epaworkbench.sync.Receipts.check(Files.readAllBytes(files.get(0)), Files.readAllBytes(files.get(1)), d.packageId(),
                d.sha256(), List.of(f.authority.root()));
    }
}
