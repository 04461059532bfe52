package org.epaworkbench.ui;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.epaworkbench.Wording;
import org.epaworkbench.session.ElapsedText;

/**
 * Whether the app may close, decided without FX: a paper record typed and not entered is lost (asked);
 * actions not yet saved in any open session are lost (asked, naming the first); running sessions are
 * paused first (asked, naming each), the app closing once every pause is saved.
 */
final class ClosingDecision {

    /** What the window asks the assessor: true when they choose {@code action}. */
    interface Questions {
        boolean confirm(String title, String message, String action);
    }

    /** A session open in the app (on screen or in the background), as closing sees it. */
    record OpenSession(String apprentice, String component, Duration elapsed, boolean running, int unsavedActions,
            String unsavedMessage) {
    }

    /** How asking to close ends. */
    sealed interface Outcome permits CloseNow, Stay, PauseThenClose {
    }

    /** Nothing stands in the way (or the assessor chose to lose what is not saved). */
    record CloseNow() implements Outcome {
    }

    /** The assessor chose to stay. */
    record Stay() implements Outcome {
    }

    /** Pause these running sessions (by their place in the list given), then close once every pause is saved. */
    record PauseThenClose(List<Integer> running) implements Outcome {
    }

    private ClosingDecision() {
    }

    static Outcome decide(boolean paperTyped, List<OpenSession> open, Questions ask) {
        // a paper record typed and not yet entered is nowhere else: closing loses it
        if (paperTyped && !ask.confirm("A paper record is not entered", "The session you are typing from the paper form is not "
                + "entered yet, so it is not saved. If you close now, what you typed is lost.", "Close and lose it")) {
            return new Stay();
        }
        int unsaved = open.stream().mapToInt(OpenSession::unsavedActions).sum();
        if (unsaved > 0) {
            OpenSession first = open.stream().filter(s -> s.unsavedActions() > 0).findFirst().orElseThrow();
            return ask.confirm("Not everything is saved", first.unsavedMessage() + "\n\nIf you close now, "
                    + (unsaved == 1 ? "that action is" : "those " + unsaved + " actions are") + " lost.", "Close and lose them")
                    ? new CloseNow() : new Stay();
        }
        List<Integer> running = java.util.stream.IntStream.range(0, open.size()).filter(i -> open.get(i).running()).boxed().toList();
        if (running.isEmpty()) {
            return new CloseNow();
        }
        String which = running.stream().map(open::get).map(s -> s.apprentice() + " (" + Wording.inSentence(s.component()) + ", "
                + ElapsedText.format(s.elapsed()) + ")").collect(Collectors.joining("; "));
        boolean one = running.size() == 1;
        return ask.confirm(one ? "A session is running" : running.size() + " sessions are running",
                (one ? "A session is running: " : "These sessions are running: ") + which + ". Pause " + (one ? "it" : "them")
                        + " and close EPA Workbench? " + (one ? "It" : "They") + " will open paused next time.", "Pause and close")
                ? new PauseThenClose(running) : new Stay();
    }
}
