package org.epaworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether the app may close, decided without FX (issue 14): what is asked, in which order, and what follows each answer. */
class ClosingDecisionTest {

    final List<String> asked = new ArrayList<>();

    ClosingDecision.Questions answering(boolean yes) {
        return (title, message, action) -> {
            asked.add(title + " | " + message + " | " + action);
            return yes;
        };
    }

    static ClosingDecision.OpenSession paused(String who) {
        return new ClosingDecision.OpenSession(who, "Observation", Duration.ofMinutes(5), false, 0, "");
    }

    static ClosingDecision.OpenSession running(String who, String component, Duration elapsed) {
        return new ClosingDecision.OpenSession(who, component, elapsed, true, 0, "");
    }

    @Test
    void nothingOpenClosesWithoutAQuestion() {
        assertThat(ClosingDecision.decide(false, List.of(paused("Ann")), answering(false))).isInstanceOf(ClosingDecision.CloseNow.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void aTypedPaperRecordIsAskedAboutFirstAndStayingKeepsIt() {
        assertThat(ClosingDecision.decide(true, List.of(), answering(false))).isInstanceOf(ClosingDecision.Stay.class);
        assertThat(asked).singleElement().asString().startsWith("A paper record is not entered");
    }

    @Test
    void unsavedActionsAreNamedFromTheFirstSessionHoldingThemAndCountedOverAll() {
        var held = new ClosingDecision.OpenSession("Ann", "Observation", Duration.ZERO, true, 2, "Disk full: 2 actions are kept");
        var more = new ClosingDecision.OpenSession("Bob", "Interview", Duration.ZERO, false, 1, "Disk full: 1 action is kept");
        assertThat(ClosingDecision.decide(false, List.of(paused("Cat"), held, more), answering(true)))
                .as("losing them was chosen: no pause asked for").isInstanceOf(ClosingDecision.CloseNow.class);
        assertThat(asked).singleElement().asString()
                .isEqualTo("Not everything is saved | Disk full: 2 actions are kept\n\nIf you close now, those 3 actions are lost."
                        + " | Close and lose them");
    }

    @Test
    void runningSessionsArePausedThenTheAppClosesWhenTheAssessorAgrees() {
        List<ClosingDecision.OpenSession> open = List.of(running("Ann", "Observation", Duration.ofMinutes(12)), paused("Bob"),
                running("Cat", "Professional discussion", Duration.ofSeconds(65)));
        assertThat(ClosingDecision.decide(false, open, answering(true)))
                .isEqualTo(new ClosingDecision.PauseThenClose(List.of(0, 2)));
        assertThat(asked).singleElement().asString().startsWith("2 sessions are running | These sessions are running: Ann (")
                .contains("; Cat (").endsWith("Pause them and close EPA Workbench? They will open paused next time. | Pause and close");
        asked.clear();
        assertThat(ClosingDecision.decide(false, open.subList(0, 1), answering(false))).isInstanceOf(ClosingDecision.Stay.class);
        assertThat(asked).singleElement().asString().startsWith("A session is running | A session is running: Ann (")
                .contains("Pause it and close EPA Workbench? It will open paused next time.");
    }
}
