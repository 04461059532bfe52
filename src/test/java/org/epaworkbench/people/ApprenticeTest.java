package org.epaworkbench.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ApprenticeTest {

    @Test
    void aGatewayBeforeTheStartIsNamedWithBothDatesAsAssessorsWriteThem() {
        assertThat(Apprentice.problems("Priya Shah", "9276308686", "highfield-css-l3", LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 1, 1)))
                .containsExactly("Gateway date 1 Jan 2026 is before the apprenticeship start 2 Mar 2026.");
    }

    @Test
    void everyMissingFieldIsListed() {
        assertThat(Apprentice.problems(" ", "123", null, null, null)).hasSize(3)
                .contains("Name is missing.", "Choose the assessment plan the apprentice's EPA follows.");
    }
}
