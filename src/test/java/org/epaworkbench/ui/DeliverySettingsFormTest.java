package org.epaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.epaworkbench.app.IntakeFixture;
import org.epaworkbench.app.OrganisationDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings dialog's Delivery tab without a screen: what is checked, and each problem beside its field. */
class DeliverySettingsFormTest {

    @TempDir
    Path dir;
    IntakeFixture f;
    OrganisationDelivery delivery;

    @BeforeEach
    void setUp() throws Exception {
        f = new IntakeFixture(dir);
        delivery = f.laptop.services().organisationDelivery();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    DeliverySettingsForm.Problems save(String address, String root, boolean remove, int days) throws Exception {
        return DeliverySettingsForm.save(delivery, f.laptop.settings(), new DeliverySettingsForm.Values(address, root, remove, days));
    }

    @Test
    void nothingSetIsEmptyAndKeepingDeliveredCopiesIsOff() throws Exception {
        DeliverySettingsForm.Values v = DeliverySettingsForm.read(delivery, f.laptop.settings());
        assertThat(v.address()).isEmpty();
        assertThat(v.rootFingerprint()).isEmpty();
        assertThat(v.removeDelivered()).isFalse();
    }

    @Test
    void anAddressAndATrustedRootAreKeptWithTheDaysChosen() throws Exception {
        assertThat(save(" https://localhost:8443/ ", f.rootFingerprint().toUpperCase(), true, 14).none()).isTrue();
        DeliverySettingsForm.Values v = DeliverySettingsForm.read(delivery, f.laptop.settings());
        assertThat(v.address()).isEqualTo("https://localhost:8443");
        assertThat(v.rootFingerprint()).isEqualTo(f.rootFingerprint().toLowerCase());
        assertThat(v.removeDelivered()).isTrue();
        assertThat(v.days()).isEqualTo(14);

        // both emptied: delivered nowhere
        assertThat(save("", "", false, 14).none()).isTrue();
        assertThat(delivery.target()).isEmpty();
        assertThat(f.laptop.settings().removeDeliveredAfterDays()).isEmpty();
    }

    @Test
    void eachProblemIsSaidBesideItsFieldAndNothingIsKept() throws Exception {
        DeliverySettingsForm.Problems http = save("http://intake.example.org", f.rootFingerprint(), false, 30);
        assertThat(http.address()).contains("must start with https://");
        assertThat(http.rootFingerprint()).isNull();

        DeliverySettingsForm.Problems unknown = save("https://intake.example.org", "ab".repeat(32), false, 30);
        assertThat(unknown.rootFingerprint()).contains("No organisation root with SHA-256");
        assertThat(unknown.address()).isNull();

        DeliverySettingsForm.Problems half = save("https://intake.example.org", "", false, 30);
        assertThat(half.rootFingerprint()).contains("SHA-256 too");

        DeliverySettingsForm.Problems zero = save("https://intake.example.org", f.rootFingerprint(), true, 0);
        assertThat(zero.days()).contains("at least 1 day");

        assertThat(delivery.target()).isEmpty();
        assertThat(f.laptop.settings().removeDeliveredAfterDays()).isEmpty();
    }
}
