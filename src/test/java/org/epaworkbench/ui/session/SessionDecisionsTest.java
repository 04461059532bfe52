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
        planned("observation");
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

    /** A new session of {@code componentId}, planned and not started, in place of the one the decisions see. */
    void planned(String componentId) throws SessionRuleException {
        log.clear();
        live = LiveSession.create("s-1", PLAN, componentId, clock, SessionSettings.DEFAULT);
        commit(live.plan(new SessionDetails("a-1", PLAN.id(), PLAN.version(), componentId, AttemptKind.FIRST,
                AssessmentMode.FACE_TO_FACE, "Shop floor", "Passport")));
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

    @Test
    void startStartsAPlannedSessionResumesAPausedOneAndDoesNothingWhileItRuns() throws Exception {
        planned("observation");
        decisions.startOrResume();
        assertThat(live.state().status()).isEqualTo(SessionStatus.RUNNING);
        int running = log.size();
        decisions.startOrResume();
        assertThat(log).as("already running: nothing recorded").hasSize(running);
        answers.add("comfort break");
        decisions.pause(asker);
        assertThat(live.state().status()).isEqualTo(SessionStatus.PAUSED);
        decisions.startOrResume();
        assertThat(live.state().status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(problems).isEmpty();
    }

    @Test
    void questioningTimeIsToggledOnlyWhereThePlanTimesIt() throws Exception {
        decisions.toggleQuestioning();
        assertThat(live.state().questioningActive()).isTrue();
        decisions.toggleQuestioning();
        assertThat(live.state().questioningActive()).isFalse();

        planned("professional-discussion");
        commit(live.start());
        int before = log.size();
        decisions.toggleQuestioning();
        decisions.closeQuestion();
        assertThat(log).as("no questioning time and no question count in this component").hasSize(before);
        assertThat(problems).isEmpty();
    }

    @Test
    void theBankOpensForTheNextQuestionWithThoseAskedFromItLeftOutAndNotOnceAllAreAsked() throws Exception {
        assertThat(decisions.nextQuestion()).as("the observation counts no questions").isEmpty();

        planned("wbp-interview");
        assertThat(decisions.nextQuestion()).as("not started").isEmpty();
        assertThat(problems).as("the rule says why").hasSize(1);
        commit(live.start());
        assertThat(decisions.nextQuestion()).contains(new SessionDecisions.NextQuestion(1, java.util.Set.of()));
        decisions.ask("Tell me about the project's aims", "bank-1");
        decisions.closeQuestion();
        decisions.ask("A question of my own", null);
        decisions.closeQuestion();
        assertThat(decisions.nextQuestion()).contains(new SessionDecisions.NextQuestion(3, java.util.Set.of("bank-1")));
        for (int n = 3; n <= 10; n++) {
            decisions.ask("Question " + n, null);
            decisions.closeQuestion();
        }
        assertThat(live.state().questions()).hasSize(10);
        assertThat(decisions.nextQuestion()).as("all 10 asked").isEmpty();
        assertThat(problems).hasSize(1);
    }

    @Test
    void aFollowUpIsAskedForOnTheCurrentQuestionAndRefusedWithNoneOpen() throws Exception {
        planned("wbp-interview");
        commit(live.start());
        decisions.followUp(asker);
        assertThat(problems).as("no question open: the rule says why").hasSize(1);
        assertThat(asked).isEmpty();

        decisions.ask("Tell me about the project's aims", null);
        answers.add("Can you explain that further?");
        decisions.followUp(asker);
        assertThat(asked).singleElement().satisfies(q -> assertThat(q)
                .isEqualTo("Explain further: Follow-up prompt on question 1: Tell me about the project's aims"));
        assertThat(log.get(log.size() - 1).body().describe()).contains("Can you explain that further?");
    }

    @Test
    void moreThanThreeKeyJudgementsOfOneCriterionWithinASecondAreHeldAndOfferedNotApplied() {
        Criterion k = live.snapshot().component().criteria().get(0);
        long t = 1_000_000_000L;
        assertThat(decisions.judgeByKey(k, CriterionState.MET, t, asker)).isEmpty();
        assertThat(decisions.judgeByKey(k, CriterionState.NOT_MET, t + 100_000_000L, asker)).isEmpty();
        assertThat(decisions.judgeByKey(k, CriterionState.MET, t + 200_000_000L, asker)).isEmpty();
        int before = log.size();

        var held = decisions.judgeByKey(k, CriterionState.MET, t + 300_000_000L, asker);

        assertThat(log).as("held, not applied").hasSize(before);
        assertThat(held).hasValueSatisfying(h -> {
            assertThat(h.text()).startsWith(k.code() + " was changed more than 3 times within a second by keys")
                    .endsWith(k.code() + " stays met.");
            assertThat(h.apply()).as("the same state again would clear it").isEqualTo("Clear " + k.code());
            assertThat(h.criterion()).isEqualTo(k);
            assertThat(h.state()).isEqualTo(CriterionState.MET);
        });
        // a second after the first three, a key judges again
        assertThat(decisions.judgeByKey(k, CriterionState.NOT_MET, t + 1_300_000_000L, asker)).isEmpty();
        assertThat(live.state().judgements().get(k.id()).state()).isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void leavingARunningSessionAsksToPauseKeepItRunningOrStay() {
        List<String> left = new ArrayList<>();
        decisions.leave(() -> SessionDecisions.Leaving.STAY, asker, () -> left.add("left"));
        assertThat(left).isEmpty();

        decisions.leave(() -> SessionDecisions.Leaving.KEEP_RUNNING, asker, () -> left.add("left"));
        assertThat(left).containsExactly("left");
        assertThat(live.state().running()).isTrue();

        clock.advanceSeconds(75);
        answers.add(null); // the pause's reason cancelled: still here, still running
        decisions.leave(() -> SessionDecisions.Leaving.PAUSE, asker, () -> left.add("left"));
        assertThat(left).hasSize(1);
        assertThat(live.state().running()).isTrue();

        answers.add("moving to another area");
        decisions.leave(() -> SessionDecisions.Leaving.PAUSE, asker, () -> left.add("left"));
        assertThat(asked.get(asked.size() - 1)).startsWith("Pause: Paused at 1:15");
        assertThat(live.state().status()).isEqualTo(SessionStatus.PAUSED);
        assertThat(left).hasSize(2);

        // paused: nothing to ask
        decisions.leave(() -> {
            throw new AssertionError("not asked for a paused session");
        }, asker, () -> left.add("left"));
        assertThat(left).hasSize(3);
    }

    /** The app stopped {@code minutes} after the last heartbeat, two minutes into the session, and starts again. */
    void reopenedAfterACrash(int minutes) {
        clock.advanceMinutes(2);
        LiveSession.Heartbeat beat = live.heartbeat();
        clock.advanceMinutes(minutes);
        clock.restartMonotonic();
        live = LiveSession.reopen(new ArrayList<>(log), PLAN, clock, SessionSettings.DEFAULT, Optional.of(beat));
    }

    @Test
    void afterACrashTheGapIsAskedOnceAndCountedUnlessTheSessionStoppedToo() {
        reopenedAfterACrash(4);
        List<String> gaps = new ArrayList<>();
        decisions.gap(q -> {
            gaps.add(q.stoppedAtSessionTime() + " " + q.gap());
            // asked again while this answer is pending: not a second dialog
            decisions.gap(again -> {
                throw new AssertionError("asked twice");
            });
            return Optional.of(false);
        });
        assertThat(gaps).containsExactly("PT2M PT4M");
        assertThat(live.snapshot().gap()).isEmpty();
        assertThat(live.elapsed()).as("stopped too: the gap is not session time").isEqualTo(Duration.ofMinutes(2));

        reopenedAfterACrash(5);
        decisions.gap(q -> Optional.empty()); // the dialog closed: yes is the default
        assertThat(live.elapsed()).isEqualTo(Duration.ofMinutes(4 + 5));
        decisions.gap(q -> {
            throw new AssertionError("nothing to ask");
        });
        assertThat(problems).isEmpty();
    }
}
