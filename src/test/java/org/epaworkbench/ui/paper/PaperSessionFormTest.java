package org.epaworkbench.ui.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.people.Uln;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.session.SessionSettings;
import org.junit.jupiter.api.Test;

/**
 * The paper-record screen's decisions, without JavaFX running (issue 13 item 11): what was typed is read into a paper
 * record and checked by the same rules as {@code session enter}; a rule it breaks is placed beside its field in the
 * rules' words, what was typed stays as typed, nothing is offered to store until the form passes, and a message goes as
 * soon as what it asked for is done.
 */
class PaperSessionFormTest {

    static final List<AssessmentPlan> PLANS = PlanLibrary.builtInPlans(new PlanPackReader());
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    static final Apprentice PRIYA = new Apprentice("a-1", "Priya Shah", Uln.of("9276308686"), "Harbour Foods", "Northern Skills",
            "highfield-css-l3", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 10, 5), false);

    static PaperSessionForm form() {
        PaperSessionForm f = new PaperSessionForm(List.of(PRIYA), id -> PLANS.stream().filter(p -> p.id().equals(id)).findFirst(),
                Clock.fixed(NOW, LONDON), LONDON, SessionSettings.DEFAULT);
        f.componentProperty().set(f.components().stream().filter(c -> c.id().equals("observation")).findFirst().orElseThrow());
        f.reason.set("Laptop battery failed on arrival");
        f.start.set("09:30");
        f.end.set("10:31"); // 61 minutes: inside 54 to 66
        return f;
    }

    static PaperSessionForm.JudgementRow row(PaperSessionForm f, String code) {
        return f.judgements().stream().filter(j -> j.criterion().code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void endingBeforeTheMinimumWithoutAReasonIsSaidBesideTheEndAndGoesOnceAReasonIsGiven() {
        PaperSessionForm f = form();
        f.end.set("10:10"); // 40 minutes of a 60-minute observation, 54 at the least

        assertThat(f.check()).isEmpty();
        assertThat(f.problem(PaperSessionForm.END).get()).startsWith("Ending at 40:00 is before the minimum of 54:00")
                .endsWith("Give a reason.");
        assertThat(f.summaryProperty().get()).contains("End");
        assertThat(f.end.get()).isEqualTo("10:10"); // kept as typed

        f.endReason.set("Apprentice taken ill; session stopped");
        assertThat(f.problem(PaperSessionForm.END).get()).isEmpty(); // checked again as it was typed
        assertThat(f.summaryProperty().get()).isEmpty();
        Optional<PaperSessionForm.Entry> entry = f.check();
        assertThat(entry).isPresent();
        assertThat(entry.get().record().endReason()).isEqualTo("Apprentice taken ill; session stopped");
    }

    @Test
    void aTimeThatIsNotATimeIsRefusedBesideItsFieldAndKept() {
        PaperSessionForm f = form();
        f.start.set("9:75");
        assertThat(f.check()).isEmpty();
        assertThat(f.problem(PaperSessionForm.START).get()).isEqualTo(
                "“9:75” is not a time: an hour has 60 minutes (00 to 59); write it on the 24-hour clock as hours:minutes, "
                        + "e.g. 09:30 or 14:05.");
        assertThat(f.start.get()).isEqualTo("9:75");
        f.start.set("9.30"); // as written on a form
        assertThat(f.problem(PaperSessionForm.START).get()).isEmpty();
        assertThat(f.check()).get().satisfies(e -> assertThat(e.record().start()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z")));
    }

    @Test
    void aRuleBrokenInARowIsSaidInThatRow() {
        PaperSessionForm f = form();
        f.end.set("10:38");
        PaperSessionForm.PauseRow pause = f.addPause();
        pause.from.set("10:12");
        pause.until.set("10:05");
        pause.reason.set("Fire alarm test");
        PaperSessionForm.JudgementRow k33 = row(f, "K3.3");
        k33.state.set(CriterionState.MET);
        k33.at.set("11:00");

        assertThat(f.check()).isEmpty();
        assertThat(pause.problemProperty().get()).isEqualTo("The pause ends (10:05) before or when it begins (10:12).");
        assertThat(f.summaryProperty().get()).contains("Pause 1");

        pause.from.set("10:05");
        pause.until.set("10:12");
        // the next rule the form breaks, beside its criterion and its time
        assertThat(pause.problemProperty().get()).isEmpty();
        assertThat(k33.problemProperty().get()).isEqualTo("The time (11:00) is after the session ended (10:38).");
        assertThat(k33.invalid()).containsExactly("at");
        assertThat(f.summaryProperty().get()).contains("K3.3");
    }

    @Test
    void overlappingPausesAreSaidToOverlapBesideTheSecond() {
        PaperSessionForm f = form();
        f.end.set("10:45");
        PaperSessionForm.PauseRow first = f.addPause();
        first.from.set("10:00");
        first.until.set("10:10");
        first.reason.set("Fire alarm test");
        PaperSessionForm.PauseRow second = f.addPause();
        second.from.set("10:05");
        second.until.set("10:12");
        second.reason.set("Apprentice's comfort break");

        assertThat(f.check()).isEmpty();
        assertThat(first.problemProperty().get()).isEmpty();
        assertThat(second.problemProperty().get()).isEqualTo(
                "This pause begins (10:05) while the session is already paused (from 10:00); pauses must not overlap.");
        assertThat(second.invalid()).containsExactly("from");
    }

    @Test
    void anInterviewsQuestionsAreEnteredWithTheirTimesAndNoMoreThanThePlanSets() {
        PaperSessionForm f = form();
        assertThat(f.questionsAskedProperty().get()).isEmpty(); // the observation sets no number of questions
        f.componentProperty().set(f.components().stream().filter(c -> c.id().equals("wbp-interview")).findFirst().orElseThrow());
        assertThat(f.questionsAskedProperty().get()).contains("10 competency questions");
        for (int i = 0; i < 11; i++) {
            PaperSessionForm.QuestionRow q = f.addQuestion();
            q.at.set(String.format("%02d:%02d", 9 + (35 + 5 * i) / 60, (35 + 5 * i) % 60));
            q.text.set("Question " + (i + 1));
        }
        assertThat(f.check()).isEmpty();
        assertThat(f.questions().get(10).problemProperty().get()).startsWith("All 10 questions have been asked.");
        assertThat(f.summaryProperty().get()).contains("Question 11");

        f.removeQuestion(f.questions().get(10));
        var record = f.check().orElseThrow().record();
        assertThat(record.questions()).hasSize(10);
        assertThat(record.questions().get(0).at()).isEqualTo(Instant.parse("2026-11-20T09:35:00Z"));
    }

    @Test
    void theReasonItWasOnPaperIsAskedForInTheRulesWords() {
        PaperSessionForm f = form();
        f.reason.set(" ");
        assertThat(f.check()).isEmpty();
        assertThat(f.problem(PaperSessionForm.REASON).get())
                .isEqualTo("Say why the session was recorded on paper (for example: the laptop's battery failed).");
    }

    @Test
    void aJudgementNeedsItsTimeAndATimeNeedsAJudgement() {
        PaperSessionForm f = form();
        PaperSessionForm.JudgementRow s23 = row(f, "S2.3");
        s23.state.set(CriterionState.MET);
        assertThat(f.check()).isEmpty();
        assertThat(s23.problemProperty().get()).isEqualTo("The time is missing.");
        s23.state.set(null);
        s23.at.set("09:50");
        assertThat(s23.problemProperty().get()).startsWith("A time with no judgement");
        assertThat(f.check()).isEmpty();
    }

    @Test
    void aStartLaterThanNowIsRefused() {
        PaperSessionForm f = form();
        f.date.set(LocalDate.of(2026, 11, 21));
        assertThat(f.check()).isEmpty();
        assertThat(f.problem(PaperSessionForm.START).get()).contains("is in the future");
    }

    @Test
    void aDateTheDateFieldRefusesStopsTheEntry() {
        PaperSessionForm f = form();
        f.dateRefused.set("“31/02/2026” is not a date: February 2026 has 28 days.");
        assertThat(f.check()).isEmpty();
        assertThat(f.summaryProperty().get()).contains("Date");
        f.dateRefused.set("");
        assertThat(f.check()).isPresent();
    }

    @Test
    void aWholeFormIsReadAsThePaperRecordTheCommandLineWouldEnter() {
        PaperSessionForm f = form();
        f.end.set("10:38");
        f.location.set("Customer service desk, Leeds store");
        PaperSessionForm.PauseRow pause = f.addPause();
        pause.from.set("10:05");
        pause.until.set("10:12");
        pause.reason.set("Fire alarm test");
        f.addPause(); // added and left empty: no pause
        assertThat(f.questioningTrackedProperty().get()).isTrue();
        PaperSessionForm.QuestioningRow q = f.addQuestioning();
        q.from.set("10:20");
        q.until.set("10:28");
        PaperSessionForm.JudgementRow s23 = row(f, "S2.3");
        s23.state.set(CriterionState.MET);
        s23.at.set("09:50");
        s23.note.set("Summarised the customer's needs before offering options");
        row(f, "K3.3").state.set(CriterionState.NOT_ARISEN);
        row(f, "K3.3").at.set("10:30");
        f.notes.set("Apprentice moved to the returns desk at 10:15");

        var record = f.check().orElseThrow().record();
        assertThat(record.details().componentId()).isEqualTo("observation");
        assertThat(record.details().location()).isEqualTo("Customer service desk, Leeds store");
        assertThat(record.pauses()).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo(Instant.parse("2026-11-20T10:05:00Z"));
            assertThat(p.reason()).isEqualTo("Fire alarm test");
        });
        assertThat(record.questioning()).hasSize(1);
        assertThat(record.judgements()).extracting(j -> j.state()).containsExactlyInAnyOrder(CriterionState.MET, CriterionState.NOT_ARISEN);
        // the session's notes are written at the end unless a time is given
        assertThat(record.notes()).anySatisfy(n -> {
            assertThat(n.criterion()).isNull();
            assertThat(n.at()).isEqualTo(record.end());
        });
        assertThat(record.notes()).anySatisfy(n -> assertThat(n.criterion()).isNotNull());
        assertThat(f.typed()).isTrue();
    }

    /** Runs the storing later, when {@link #finish} is called, as the background would. */
    static final class Later implements org.epaworkbench.ui.common.Runner {
        Runnable pending;

        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done,
                java.util.function.Consumer<Throwable> failed) {
            pending = () -> {
                T value;
                try {
                    value = work.call();
                } catch (Exception e) {
                    failed.accept(e);
                    return;
                }
                done.accept(value);
            };
        }

        void finish() {
            Runnable r = pending;
            pending = null;
            r.run();
        }
    }

    @Test
    void enteringStoresTheCheckedRecordOnceAndHandsOnTheNewSession() {
        PaperSessionForm f = form();
        Later later = new Later();
        java.util.List<PaperSessionForm.Entry> stored = new java.util.ArrayList<>();
        java.util.List<String> entered = new java.util.ArrayList<>();

        f.enter(false, e -> () -> "s-1", later, entered::add);
        assertThat(later.pending).as("the date box holds what is not a date: nothing stored").isNull();

        f.enter(true, e -> () -> {
            stored.add(e);
            return "s-1";
        }, later, entered::add);
        assertThat(f.enteringProperty().get()).as("storing: Enter session not offered twice").isTrue();
        later.finish();
        assertThat(f.enteringProperty().get()).isFalse();
        assertThat(stored).singleElement().satisfies(e -> assertThat(e.record().start())
                .isEqualTo(Instant.parse("2026-11-20T09:30:00Z")));
        assertThat(entered).containsExactly("s-1");
        assertThat(f.failureProperty().get()).isEmpty();
    }

    @Test
    void aRuleBrokenOnStoringIsPlacedBesideItsFieldAndAnyOtherFailureIsSaid() {
        PaperSessionForm f = form();
        Later later = new Later();
        java.util.List<String> entered = new java.util.ArrayList<>();

        f.enter(true, e -> () -> {
            throw new org.epaworkbench.session.PaperEntry.Problem(PaperSessionForm.END, "The end is after the next session began.");
        }, later, entered::add);
        later.finish();
        assertThat(f.problem(PaperSessionForm.END).get()).isEqualTo("The end is after the next session began.");
        assertThat(f.failureProperty().get()).isEmpty();
        assertThat(f.enteringProperty().get()).isFalse();

        f.enter(true, e -> () -> {
            throw new java.sql.SQLException("disk I/O error");
        }, later, entered::add);
        later.finish();
        assertThat(f.failureProperty().get()).isEqualTo("Not entered, nothing was stored: disk I/O error");
        assertThat(entered).isEmpty();
    }

    @Test
    void leavingAsksOnlyWhenSomethingIsTyped() {
        PaperSessionForm untouched = new PaperSessionForm(List.of(PRIYA),
                id -> PLANS.stream().filter(p -> p.id().equals(id)).findFirst(), Clock.fixed(NOW, LONDON), LONDON,
                SessionSettings.DEFAULT);
        java.util.List<String> left = new java.util.ArrayList<>();
        untouched.leave(() -> {
            throw new AssertionError("nothing typed: not asked");
        }, () -> left.add("left"));
        assertThat(left).containsExactly("left");

        PaperSessionForm typed = form();
        typed.leave(() -> false, () -> left.add("left"));
        assertThat(left).as("stays when the assessor says no").hasSize(1);
        typed.leave(() -> true, () -> left.add("left"));
        assertThat(left).hasSize(2);
    }
}
