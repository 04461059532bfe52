package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedList;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.DurationState;
import org.epaworkbench.session.LiveSession;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionRuleException;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionStatus;
import org.epaworkbench.app.RecordedSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session screen's decisions without a screen (issue 14): judging, clearing and amending, pausing at
 * the press, and ending inside or outside the plan's window, against a real live session in memory.
 */
class SessionDecisionsTest {

    static final AssessmentPlan PLAN = PlanLibrary.builtInPlans(new PlanPackReader()).stream()
            .filter(p -> p.id().equals("highfield-css-l3")).findFirst().orElseThrow();

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
    LiveSession live;
    final List<SessionEvent> log = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    /** What the assessor answers, in order: a reason (or null to cancel), or "yes"/"no" to a confirmation. */
    final Deque<String> answers = new LinkedList<>();
    final List<String> asked = new ArrayList<>();
    SessionDecisions decisions;

    final SessionDecisions.Asker asker = new SessionDecisions.Asker() {
        @Override
        public Optional<String> reason(String title, String question, String prompt, String detail) {
            asked.add(title + ": " + question + (detail == null ? "" : " | " + detail));
            return Optional.ofNullable(answers.poll());
        }

        @Override
        public boolean confirm(String title, String question, String yes, String detail) {
            asked.add(title + ": " + question + (detail == null ? "" : " | " + detail));
            return "yes".equals(answers.poll());
        }
    };

    @BeforeEach
    void start() throws Exception {
        live = LiveSession.create("s-1", PLAN, "observation", clock, SessionSettings.DEFAULT);
        commit(live.plan(new SessionDetails("a-1", PLAN.id(), PLAN.version(), "observation", AttemptKind.FIRST,
                AssessmentMode.FACE_TO_FACE, "Shop floor", "Passport")));
        commit(live.start());
        decisions = new SessionDecisions(new SessionDecisions.Session() {
            @Override
            public LiveSnapshot snapshot() {
                return live.snapshot();
            }

            @Override
            public Duration elapsedNow() {
                return live.elapsed();
            }

            @Override
            public DurationState durationStateNow() {
                return live.durationState();
            }

            @Override
            public SessionClock.Reading now() {
                return clock.read();
            }

            @Override
            public void perform(RecordedSession.Action action, Runnable afterCommit) {
                try {
                    commit(action.prepare(live));
                    afterCommit.run();
                } catch (SessionRuleException e) {
                    problems.add(e.getMessage());
                }
            }
        });
    }

    void commit(org.epaworkbench.session.PendingEvent pending) {
        log.add(pending.event());
        live.commit(pending);
    }

    Criterion criterion(String code) {
        return live.snapshot().component().criteria().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    List<String> types() {
        return log.stream().map(e -> e.type()).toList();
    }

    @Test
    void theSameKeyTwiceClearsAJudgementAndAnotherStateReplacesIt() {
        Criterion k = live.snapshot().component().criteria().get(0);
        decisions.judge(k, CriterionState.MET, asker);
        assertThat(live.state().judgements().get(k.id()).state()).isEqualTo(CriterionState.MET);
        decisions.judge(k, CriterionState.NOT_MET, asker);
        assertThat(live.state().judgements().get(k.id()).state()).isEqualTo(CriterionState.NOT_MET);
        decisions.judge(k, CriterionState.NOT_MET, asker);
        assertThat(live.state().judgements()).doesNotContainKey(k.id());
        assertThat(asked).as("no dialog while the session runs").isEmpty();
    }

    @Test
    void afterTheEndAJudgementIsAnAmendmentWithAReasonAndNothingWithoutOne() {
        Criterion k = live.snapshot().component().criteria().get(0);
        decisions.judge(k, CriterionState.MET, asker);
        clock.advanceMinutes(60);
        answers.add("yes");
        decisions.end(asker);
        assertThat(live.state().ended()).isTrue();
        int before = log.size();

        answers.add(null); // the assessor cancels the reason
        decisions.judge(k, CriterionState.NOT_MET, asker);
        assertThat(log).as("nothing recorded without a reason").hasSize(before);

        answers.add("misclicked during the session");
        decisions.judge(k, CriterionState.MET, asker); // the same state again: clears, as an amendment
        assertThat(asked.get(asked.size() - 1)).startsWith("Amend the record: The session has ended");
        assertThat(log).hasSize(before + 1);
        assertThat(types().get(types().size() - 1)).isEqualTo("amended");
        assertThat(live.state().judgements()).doesNotContainKey(k.id());
    }

    @Test
    void aNoteAfterTheEndStaysInItsBoxUntilTheAmendmentIsSaved() {
        clock.advanceMinutes(60);
        answers.add("yes");
        decisions.end(asker);
        Criterion k = live.snapshot().component().criteria().get(0);
        List<String> emptied = new ArrayList<>();
        answers.add(null);
        decisions.note(k, "Explained the returns policy", () -> emptied.add("note"), asker);
        assertThat(emptied).as("cancelled: the text stays").isEmpty();
        answers.add("evidence confirmed afterwards");
        decisions.note(k, "Explained the returns policy", () -> emptied.add("note"), asker);
        assertThat(emptied).containsExactly("note");
    }

    @Test
    void aPauseStartsAtThePressNotWhenItsReasonIsConfirmed() {
        clock.advanceSeconds(31);
        SessionDecisions.Asker slowTyper = new SessionDecisions.Asker() {
            @Override
            public Optional<String> reason(String title, String question, String prompt, String detail) {
                asked.add(question);
                clock.advanceSeconds(22); // typing the reason
                return Optional.of("Fire alarm test");
            }

            @Override
            public boolean confirm(String title, String question, String yes, String detail) {
                return false;
            }
        };
        decisions.pause(slowTyper);
        assertThat(asked).singleElement().satisfies(q -> assertThat(q).startsWith("Paused at 0:31"));
        assertThat(live.state().status()).isEqualTo(SessionStatus.PAUSED);
        assertThat(live.state().elapsedAtLastEvent()).isEqualTo(Duration.ofSeconds(31));
    }

    @Test
    void endingBeforeTheMinimumNeedsAReasonAndTheDialogNamesWhatWasNeverJudged() {
        List<Criterion> all = live.snapshot().component().criteria();
        for (Criterion c : all.subList(1, all.size())) {
            decisions.judge(c, CriterionState.MET, asker);
        }
        clock.advanceMinutes(10);
        answers.add(null);
        decisions.end(asker);
        assertThat(live.state().ended()).as("cancelled: still running").isFalse();
        assertThat(asked.get(0)).contains("is before the minimum").contains("Never judged: 1 of " + all.size() + " criteria — "
                + all.get(0).code() + ".");
        answers.add("apprentice unwell");
        decisions.end(asker);
        assertThat(live.state().ended()).isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void endingInsideTheWindowAsksToConfirmAndNamesNothingWhenAllIsJudged() {
        for (Criterion c : live.snapshot().component().criteria()) {
            decisions.judge(c, CriterionState.MET, asker);
        }
        clock.advanceMinutes(60);
        answers.add("no");
        decisions.end(asker);
        assertThat(live.state().ended()).isFalse();
        assertThat(asked.get(0)).startsWith("End the session: End the session at 60:00?").doesNotContain("Never judged");
        answers.add("yes");
        decisions.end(asker);
        assertThat(live.state().ended()).isTrue();
    }
}
