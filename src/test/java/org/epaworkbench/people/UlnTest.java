package org.epaworkbench.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UlnTest {

    @Test
    void acceptsValidNumbers() {
        assertThat(Uln.isValid("9276308686")).isTrue(); // HESA's worked example
        assertThat(Uln.isValid("9182736455")).isTrue();
        assertThat(Uln.isValid(" 1234567899 ")).isTrue();
    }

    @Test
    void saysWhatIsWrong() {
        assertThat(Uln.problem("")).contains("missing");
        assertThat(Uln.problem("12345")).contains("must be 10 digits").contains("has 5");
        assertThat(Uln.problem("12345678AB")).contains("digits only");
        assertThat(Uln.problem("0276308686")).contains("cannot start with 0");
        assertThat(Uln.problem("9276308687")).contains("fails its check digit");
    }

    @Test
    void apprenticeFormProblemsNameTheField() {
        assertThat(Apprentice.problems("", "123", null, java.time.LocalDate.of(2026, 1, 2), java.time.LocalDate.of(2025, 1, 1)))
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).startsWith("Name"))
                .anySatisfy(p -> assertThat(p).startsWith("ULN"))
                .anySatisfy(p -> assertThat(p).contains("plan"))
                .anySatisfy(p -> assertThat(p).startsWith("Gateway date"));
    }
}
