package org.epaworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The wait before trying the service again: doubling, capped, and spread so assessors back online at once do not all try together. */
class OrganisationDeliveryWaitTest {

    @Test
    void waitsDoubleFromHalfAMinuteToAnHourWithJitter() {
        SplittableRandom random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long base = Math.min(Duration.ofHours(1).toMillis(), Duration.ofSeconds(30).toMillis() << (attempt - 1));
            for (int i = 0; i < 50; i++) {
                long w = OrganisationDelivery.wait(attempt, random).toMillis();
                assertThat(w).isBetween(base / 2, base);
            }
        }
        assertThat(OrganisationDelivery.wait(40, random)).isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void twoAssessorsFailingAtOnceDoNotRetryAtTheSameMoment() {
        assertThat(OrganisationDelivery.wait(5, new SplittableRandom(1)))
                .isNotEqualTo(OrganisationDelivery.wait(5, new SplittableRandom(2)));
    }
}
