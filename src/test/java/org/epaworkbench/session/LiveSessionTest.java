package org.epaworkbench.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.Grade;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveSessionTest {

    static final List<AssessmentPlan> PLANS = PlanLibrary.builtInPlans(new PlanPackReader());

    static AssessmentPlan plan(String id) {
        return PLANS.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    final ManualClock clock = new ManualClock(java.time.Instant.parse("2026-11-23T09:00:00Z"));

    Recorder start(String planId, String componentId) throws SessionRuleException {
        AssessmentPlan plan = plan(planId);
        LiveSession live = LiveSession.create("s-1", plan, componentId, clock, SessionSettings.DEFAULT);
        Recorder r = new Recorder(live);
        r.record(live.plan(new SessionDetails("a-1", planId, plan.version(), componentId, AttemptKind.FIRST,
                AssessmentMode.FACE_TO_FACE, "Shop floor", "Passport")));
        r.record(live.start());
        return r;
    }

    @Test
    void textsOverTheLimitsAnImportChecksAreNotRecorded() throws Exception {
        Recorder r = start("highfield-css-l3", "observation");
        int events = r.log.size();
        assertThatThrownBy(() -> r.live.note("S2.3", "x".repeat(LogRules.MAX_TEXT + 1)))
                .isInstanceOf(SessionRuleException.class)
                .hasMessage("Not recorded: it has the note of 10,001 characters, more than the 10,000 the app records. "
                        + "Shorten it and try again.");
        assertThatThrownBy(() -> r.live.pause("y".repeat(LogRules.MAX_TEXT + 1)))
                .isInstanceOf(SessionRuleException.class).hasMessageContaining("the reason of 10,001 characters");
        assertThat(r.log).hasSize(events);
        r.record(r.live.note("S2.3", "x".repeat(LogRules.MAX_TEXT)));
        assertThat(r.live.state().notes()).hasSize(1);
    }

    @Nested
    class Declarations {
        Recorder ended() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(58);
            r.record(r.live.end(null));
            return r;
        }

        @Test
        void aDeclarationSignedOnScreenNeedsTheDrawnSignature() throws Exception {
            Recorder r = ended();
            assertThatThrownBy(() -> r.live.declare("apprentice", "Priya Shah", "I confirm…", null))
                    .isInstanceOf(SessionRuleException.class).hasMessageContaining("drawn signature")
                    .hasMessageContaining("remotely");
            assertThatThrownBy(() -> r.live.declare("assessor", "Alex Morgan", "I confirm…", " "))
                    .isInstanceOf(SessionRuleException.class).hasMessageContaining("sign in the box");
            r.record(r.live.declare("apprentice", "Priya Shah", "I confirm…", "iVBORw0KGgo="));
            assertThat(r.live.state().declaration("apprentice")).hasValueSatisfying(d -> {
                assertThat(d.way()).isEqualTo(DeclarationWay.DRAWN);
                assertThat(d.signaturePngBase64()).isNotNull();
            });
        }

        @Test
        void theApprenticeMayConfirmRemotelyWithAReasonButTheAssessorMayNot() throws Exception {
            Recorder r = ended();
            assertThatThrownBy(() -> r.live.declare("apprentice", "Priya Shah", "I confirm…", null, DeclarationWay.EMAIL, " "))
                    .isInstanceOf(SessionRuleException.class).hasMessageContaining("Say why");
            assertThatThrownBy(() -> r.live.declare("assessor", "Alex Morgan", "I confirm…", null, DeclarationWay.VOICE,
                    "remote")).isInstanceOf(SessionRuleException.class);
            r.record(r.live.declare("apprentice", "Priya Shah", "I confirm…", "ignored", DeclarationWay.VOICE,
                    "Remote session by video call; confirmed aloud at 10:42"));
            assertThat(r.live.state().declaration("apprentice")).hasValueSatisfying(d -> {
                assertThat(d.way()).isEqualTo(DeclarationWay.VOICE);
                assertThat(d.reason()).isEqualTo("Remote session by video call; confirmed aloud at 10:42");
                assertThat(d.signaturePngBase64()).isNull();
            });
        }
    }

    @Nested
    class Timing {
        @Test
        void elapsedTimeExcludesPauses() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(20);
            r.record(r.live.pause("Fire alarm"));
            clock.advanceMinutes(15);
            assertThat(r.live.elapsed()).isEqualTo(Duration.ofMinutes(20));
            r.record(r.live.resume());
            clock.advanceMinutes(10);
            assertThat(r.live.elapsed()).isEqualTo(Duration.ofMinutes(30));
            SessionState s = r.live.state();
            assertThat(s.pauses()).singleElement().satisfies(p -> {
                assertThat(p.reason()).isEqualTo("Fire alarm");
                assertThat(Duration.between(p.from(), p.until())).isEqualTo(Duration.ofMinutes(15));
            });
        }

        @Test
        void aPauseStartsWhenPauseWasPressedNotWhenItsReasonWasTyped() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceSeconds(31);
            SessionClock.Reading pressed = clock.read();
            clock.advanceSeconds(22); // typing the reason
            SessionEvent paused = r.record(r.live.pause("Fire alarm", pressed));
            assertThat(paused.sessionTime()).isEqualTo(Duration.ofSeconds(31));
            assertThat(paused.at()).isEqualTo(pressed.at());
            clock.advanceMinutes(5);
            assertThat(r.live.elapsed()).isEqualTo(Duration.ofSeconds(31));
            r.record(r.live.resume());
            clock.advanceSeconds(9);
            assertThat(r.live.elapsed()).isEqualTo(Duration.ofSeconds(40));
        }

        @Test
        void aPausePressedBeforeTheLastEventStartsAtThatEvent() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceSeconds(10);
            SessionClock.Reading pressed = clock.read();
            clock.advanceSeconds(5);
            SessionEvent judged = r.record(r.live.judge("K3.3", CriterionState.MET));
            clock.advanceSeconds(5);
            SessionEvent paused = r.record(r.live.pause("Break", pressed));
            assertThat(paused.sessionTime()).isEqualTo(judged.sessionTime()).isEqualTo(Duration.ofSeconds(15));
            assertThat(paused.at()).isEqualTo(judged.at());
        }

        @Test
        void aPauseNeedsAReason() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            assertThatThrownBy(() -> r.live.pause("  ")).isInstanceOf(SessionRuleException.class)
                    .hasMessageContaining("needs a reason");
        }

        @ParameterizedTest(name = "{0} min → {1}")
        @CsvSource({"0, BEFORE_MINIMUM", "53, BEFORE_MINIMUM", "54, IN_WINDOW", "60, IN_WINDOW", "61, APPROACHING_MAXIMUM",
                "66, APPROACHING_MAXIMUM", "67, OVER_MAXIMUM"})
        void durationWindowStates(long minutes, DurationState expected) throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(minutes);
            assertThat(r.live.durationState()).isEqualTo(expected);
        }

        @Test
        void approachingMaximumIsConfigurable() throws Exception {
            AssessmentPlan plan = plan("pal-css-l3");
            LiveSession live = LiveSession.create("s-2", plan, "observation", clock,
                    new SessionSettings(Duration.ofMinutes(2), Duration.ofMinutes(1)));
            Recorder r = new Recorder(live);
            r.record(live.plan(new SessionDetails("a", plan.id(), plan.version(), "observation", AttemptKind.FIRST,
                    AssessmentMode.REMOTE_VIDEO, "", "")));
            r.record(live.start());
            clock.advanceMinutes(63);
            assertThat(live.durationState()).isEqualTo(DurationState.IN_WINDOW);
            clock.advanceMinutes(1);
            assertThat(live.durationState()).isEqualTo(DurationState.APPROACHING_MAXIMUM);
        }

        @Test
        void aComponentWithoutAMaximumCanOnlyBePastItsPlannedTime() throws Exception {
            Recorder r = start("highfield-csp-l2", "observation");
            clock.advanceMinutes(90);
            assertThat(r.live.durationState()).isEqualTo(DurationState.IN_WINDOW);
            clock.advanceMinutes(1);
            assertThat(r.live.durationState()).isEqualTo(DurationState.PAST_PLANNED);
            r.record(r.live.end(null));
            assertThat(r.live.state().ended()).isTrue();
        }

        @Test
        void endingOutsideTheWindowNeedsAReasonWhichIsRecorded() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(50);
            assertThatThrownBy(() -> r.live.end(""))
                    .hasMessageContaining("Ending at 50:00 is before the minimum of 54:00").hasMessageContaining("Give a reason");
            SessionEvent ended = r.record(r.live.end("Apprentice taken ill"));
            assertThat(((EventBody.Ended) ended.body()).reason()).isEqualTo("Apprentice taken ill");
            assertThat(((EventBody.Ended) ended.body()).durationState()).isEqualTo(DurationState.BEFORE_MINIMUM);
        }

        @Test
        void endingAfterTheMaximumNeedsAReasonAndInsideDoesNot() throws Exception {
            Recorder over = start("highfield-css-l3", "observation");
            clock.advanceMinutes(70);
            assertThatThrownBy(() -> over.live.end(null)).hasMessageContaining("after the maximum of 66:00");

            ManualClock c2 = clock;
            Recorder inside = start("highfield-css-l3", "professional-discussion");
            c2.advanceMinutes(58);
            assertThat(((EventBody.Ended) inside.record(inside.live.end(null)).body()).reason()).isNull();
        }

        @Test
        void changingTheSystemClockDoesNotChangeElapsedTime() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(10);
            clock.jumpWall(Duration.ofHours(-1));
            assertThat(r.live.elapsed()).isEqualTo(Duration.ofMinutes(10));
            SessionEvent judged = r.record(r.live.judge("K3.3", CriterionState.MET));
            assertThat(judged.sessionTime()).isEqualTo(Duration.ofMinutes(10));
            clock.jumpWall(Duration.ofHours(3));
            clock.advanceMinutes(5);
            assertThat(r.live.elapsed()).isEqualTo(Duration.ofMinutes(15));
            assertThat(SessionState.fold(r.log).elapsedAtLastEvent()).isEqualTo(Duration.ofMinutes(10));
        }
    }

    @Nested
    class Questioning {
        @ParameterizedTest(name = "{0}: {1} s")
        @CsvSource({"highfield-css-l3, 540", "pal-css-l3, 594", "vtct-css-l3, 594"})
        void limitsOfEveryBuiltInPlan(String planId, long seconds) throws Exception {
            Recorder r = start(planId, "observation");
            assertThat(r.live.questioning()).hasValueSatisfying(q -> assertThat(q.limit()).isEqualTo(Duration.ofSeconds(seconds)));
        }

        @Test
        void questioningTimeCountsOnlyWhileQuestioningAndInsideSessionTime() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(5);
            r.record(r.live.toggleQuestioning());
            clock.advanceMinutes(3);
            r.record(r.live.toggleQuestioning());
            clock.advanceMinutes(10);
            r.record(r.live.toggleQuestioning());
            clock.advanceMinutes(1);
            r.record(r.live.pause("Customer arrived"));
            clock.advanceMinutes(20);
            QuestioningBudget q = r.live.questioning().orElseThrow();
            assertThat(q.used()).isEqualTo(Duration.ofMinutes(4));
            assertThat(q.active()).isTrue();
            r.record(r.live.resume());
            clock.advanceMinutes(1);
            assertThat(r.live.questioning().orElseThrow().used()).isEqualTo(Duration.ofMinutes(5));
        }

        @Test
        void warnsBeforeTheLimitAndAlertsWhenExceeded() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            r.record(r.live.toggleQuestioning());
            clock.advanceMinutes(7);
            clock.advanceSeconds(59);
            assertThat(r.live.questioning().orElseThrow().level()).isEqualTo(QuestioningBudget.Level.WITHIN);
            clock.advanceSeconds(1);
            QuestioningBudget warn = r.live.questioning().orElseThrow();
            assertThat(warn.level()).isEqualTo(QuestioningBudget.Level.WARNING);
            assertThat(warn.remainingText()).isEqualTo("1:00 left");
            clock.advanceSeconds(61);
            QuestioningBudget over = r.live.questioning().orElseThrow();
            assertThat(over.level()).isEqualTo(QuestioningBudget.Level.EXCEEDED);
            assertThat(over.remainingText()).isEqualTo("0:01 over");
        }

        @Test
        void componentsWithoutALimitHaveNoQuestioningToTrack() throws Exception {
            Recorder r = start("highfield-css-l3", "professional-discussion");
            assertThat(r.live.questioning()).isEmpty();
            assertThatThrownBy(() -> r.live.toggleQuestioning()).hasMessageContaining("no questioning time limit");
        }

        @Test
        void questioningCannotStartWhilePaused() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            r.record(r.live.pause("Break"));
            assertThatThrownBy(() -> r.live.toggleQuestioning()).hasMessageContaining("Resume the session");
        }
    }

    @Nested
    class Interview {
        @Test
        void countsQuestionsTimesEachAndRefusesAnEleventh() throws Exception {
            Recorder r = start("highfield-css-l3", "wbp-interview");
            for (int i = 1; i <= 10; i++) {
                r.record(r.live.askQuestion("Question " + i, i == 1 ? "bank-1" : null));
                clock.advanceMinutes(i);
            }
            r.record(r.live.followUp("Can you explain that further?"));
            List<AskedQuestion> qs = r.live.state().questions();
            assertThat(qs).hasSize(10);
            assertThat(qs.get(0).timeSpent(r.live.elapsed())).isEqualTo(Duration.ofMinutes(1));
            assertThat(qs.get(2).timeSpent(r.live.elapsed())).isEqualTo(Duration.ofMinutes(3));
            assertThat(qs.get(9).followUps()).containsExactly("Can you explain that further?");
            assertThat(qs.get(0).bankId()).isEqualTo("bank-1");
            assertThatThrownBy(() -> r.live.askQuestion("An eleventh", null))
                    .isInstanceOf(SessionRuleException.class)
                    .hasMessageContaining("All 10 questions have been asked")
                    .hasMessageContaining("002 §")
                    .hasMessageContaining("explain further");
            r.record(r.live.end("Interview over-ran")); // 55 min: inside the window, the reason is kept anyway
            assertThat(r.live.state().questions().get(9).endedAt()).isEqualTo(Duration.ofMinutes(55));
        }

        /** Closing a question stops its time there; without a close it runs to the next question or the end. */
        @Test
        void aClosedQuestionsTimeStopsWhereItWasClosed() throws Exception {
            Recorder r = start("highfield-css-l3", "wbp-interview");
            clock.advanceMinutes(2);
            r.record(r.live.askQuestion("Question 1", null));
            clock.advanceMinutes(4);
            r.record(r.live.closeQuestion());
            assertThat(r.live.state().currentQuestion()).isEmpty();
            clock.advanceMinutes(10); // the apprentice presents; no question is open
            assertThat(r.live.state().questions().get(0).timeSpent(r.live.elapsed())).isEqualTo(Duration.ofMinutes(4));
            assertThatThrownBy(() -> r.live.closeQuestion()).isInstanceOf(SessionRuleException.class)
                    .hasMessageContaining("Question 1 is already closed");
            assertThatThrownBy(() -> r.live.followUp("Explain further")).hasMessageContaining("Question 1 is closed");
            r.record(r.live.askQuestion("Question 2", null));
            clock.advanceMinutes(3);
            r.record(r.live.followUp("Can you give an example?"));
            clock.advanceMinutes(2);
            r.record(r.live.closeQuestion());
            clock.advanceMinutes(40);
            r.record(r.live.end(null));

            for (SessionState s : List.of(r.live.state(), SessionState.fold(r.log))) {
                List<AskedQuestion> qs = s.questions();
                assertThat(qs.get(0).askedAt()).isEqualTo(Duration.ofMinutes(2));
                assertThat(qs.get(0).endedAt()).isEqualTo(Duration.ofMinutes(6));
                assertThat(qs.get(1).timeSpent(s.elapsedAtLastEvent())).isEqualTo(Duration.ofMinutes(5));
                assertThat(qs.get(1).followUps()).containsExactly("Can you give an example?");
            }
            assertThat(r.log).extracting(SessionEvent::type).containsSubsequence("question-asked", "question-closed",
                    "question-asked", "follow-up-asked", "question-closed", "ended");
            assertThatThrownBy(() -> r.live.closeQuestion()).hasMessageContaining("ended");
        }

        /** A log recorded before questions could be closed folds as it always did: each runs to the next or the end. */
        @Test
        void aLogWithoutClosesFoldsAsBefore() throws Exception {
            Recorder r = start("highfield-css-l3", "wbp-interview");
            r.record(r.live.askQuestion("Question 1", null));
            clock.advanceMinutes(14);
            r.record(r.live.askQuestion("Question 2", null));
            clock.advanceMinutes(46);
            r.record(r.live.end(null));
            List<AskedQuestion> qs = SessionState.fold(r.log).questions();
            assertThat(qs.get(0).endedAt()).isEqualTo(Duration.ofMinutes(14));
            assertThat(qs.get(1).endedAt()).isEqualTo(Duration.ofMinutes(60));
        }

        @Test
        void closingNeedsAnOpenQuestion() throws Exception {
            Recorder r = start("highfield-css-l3", "wbp-interview");
            assertThatThrownBy(() -> r.live.closeQuestion()).hasMessageContaining("No question has been asked yet");
        }

        @Test
        void aFollowUpNeedsAQuestion() throws Exception {
            Recorder r = start("pal-css-l3", "wbp-interview");
            assertThatThrownBy(() -> r.live.followUp("Explain further")).hasMessageContaining("Ask a question before");
        }
    }

    @Nested
    class Criteria {
        @Test
        void judgementsNotesAndEvidenceAreStampedInSessionTime() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(12);
            r.record(r.live.judge("S2.3", CriterionState.MET));
            clock.advanceMinutes(1);
            r.record(r.live.note("S2.3", "Summarised the refund options back to the customer"));
            r.record(r.live.evidence("S2.3", "Portfolio item 4"));
            SessionState s = r.live.state();
            assertThat(s.judgements().get("S2.3").sessionTime()).isEqualTo(Duration.ofMinutes(12));
            assertThat(s.notesOn("S2.3")).singleElement().satisfies(n -> assertThat(n.sessionTime()).isEqualTo(Duration.ofMinutes(13)));
            assertThat(s.evidenceFor("S2.3")).extracting(EvidenceReference::reference).containsExactly("Portfolio item 4");
        }

        @Test
        void judgingNeedsAStartedSessionAndAKnownCriterion() throws Exception {
            AssessmentPlan plan = plan("highfield-css-l3");
            LiveSession live = LiveSession.create("s", plan, "observation", clock, SessionSettings.DEFAULT);
            Recorder r = new Recorder(live);
            r.record(live.plan(new SessionDetails("a", plan.id(), plan.version(), "observation", AttemptKind.FIRST,
                    AssessmentMode.FACE_TO_FACE, "", "")));
            assertThatThrownBy(() -> live.judge("S2.3", CriterionState.MET)).hasMessageContaining("Start the session");
            r.record(live.start());
            assertThatThrownBy(() -> live.judge("K1.1", CriterionState.MET))
                    .hasMessageContaining("There is no criterion K1.1 in the practical observation");
        }

        @Test
        void gradePreviewSaysWhatIsMissing() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            for (Criterion c : r.live.component().passCriteria()) {
                if (!c.id().equals("B5.2")) {
                    r.record(r.live.judge(c.id(), CriterionState.MET));
                }
            }
            r.record(r.live.judge("S1.3", CriterionState.MET));
            ComponentResult preview = r.live.gradePreview();
            assertThat(preview.grade()).isEqualTo(Grade.FAIL);
            assertThat(preview.missingForPass()).extracting(Criterion::id).containsExactly("B5.2");
            assertThat(preview.missingForDistinction()).extracting(Criterion::id).containsExactly("S2.8");
            r.record(r.live.judge("B5.2", CriterionState.MET));
            assertThat(r.live.gradePreview().grade()).isEqualTo(Grade.PASS);
        }
    }

    @Nested
    class AfterTheEnd {
        @Test
        void anEndedSessionIsLockedAndCorrectionsAreReasonedAmendments() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(10);
            r.record(r.live.judge("S2.8", CriterionState.NOT_MET));
            clock.advanceMinutes(50);
            r.record(r.live.end(null));
            assertThatThrownBy(() -> r.live.judge("S2.8", CriterionState.MET))
                    .hasMessageContaining("ended and is locked").hasMessageContaining("amendment");
            assertThatThrownBy(() -> r.live.note("S2.8", "late note")).hasMessageContaining("amendment");
            assertThatThrownBy(() -> r.live.amend(" ", new EventBody.CriterionJudged("S2.8", CriterionState.MET)))
                    .hasMessageContaining("needs a reason");
            r.record(r.live.amend("Misclicked during the session; evidence seen at 09:42",
                    new EventBody.CriterionJudged("S2.8", CriterionState.MET)));
            SessionState s = r.live.state();
            assertThat(s.judgements().get("S2.8").state()).isEqualTo(CriterionState.MET);
            assertThat(s.judgements().get("S2.8").amended()).isTrue();
            assertThat(s.amendments()).singleElement().satisfies(a -> assertThat(a.reason()).startsWith("Misclicked"));
            assertThat(r.log).extracting(SessionEvent::type)
                    .containsSubsequence("criterion-judged", "ended", "amended");
            // the original judgement is still in the log
            assertThat(r.log.stream().filter(e -> e.body() instanceof EventBody.CriterionJudged j
                    && j.state() == CriterionState.NOT_MET)).hasSize(1);
        }

        @Test
        void amendingARunningSessionIsRefused() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            assertThatThrownBy(() -> r.live.amend("x", new EventBody.NoteAdded(null, "n")))
                    .hasMessageContaining("Amendments are for ended sessions");
        }
    }

    @Nested
    class Recovery {
        @Test
        void aRunningSessionReopenedAfterACrashAsksAboutTheGapAndCountsItByDefault() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(20);
            r.record(r.live.judge("K3.3", CriterionState.MET));
            clock.advanceMinutes(2);
            LiveSession.Heartbeat beat = r.live.heartbeat();
            // the app is killed; four minutes later it starts again
            clock.advanceMinutes(4);
            clock.restartMonotonic();
            LiveSession reopened = LiveSession.reopen(r.log, plan("highfield-css-l3"), clock, SessionSettings.DEFAULT,
                    Optional.of(beat));
            GapQuestion q = reopened.gapQuestion().orElseThrow();
            assertThat(q.stoppedAtSessionTime()).isEqualTo(Duration.ofMinutes(22));
            assertThat(q.gap()).isEqualTo(Duration.ofMinutes(4));
            assertThat(reopened.elapsed()).isEqualTo(Duration.ofMinutes(22));
            assertThatThrownBy(() -> reopened.judge("K3.4", CriterionState.MET)).hasMessageContaining("First say whether");

            Recorder r2 = new Recorder(reopened);
            r2.log.addAll(r.log);
            SessionEvent answer = r2.record(reopened.resolveGap(true));
            assertThat(answer.type()).isEqualTo("gap-resolved");
            assertThat(reopened.elapsed()).isEqualTo(Duration.ofMinutes(26));
            clock.advanceMinutes(1);
            assertThat(reopened.elapsed()).isEqualTo(Duration.ofMinutes(27));
            assertThat(reopened.state().judgements()).containsKey("K3.3");
        }

        @Test
        void theGapCanBeLeftOutOfSessionTime() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(20);
            r.record(r.live.judge("K3.3", CriterionState.MET));
            clock.advanceMinutes(30);
            clock.restartMonotonic();
            LiveSession reopened = LiveSession.reopen(r.log, plan("highfield-css-l3"), clock, SessionSettings.DEFAULT,
                    Optional.empty());
            new Recorder(reopened).record(reopened.resolveGap(false));
            assertThat(reopened.elapsed()).isEqualTo(Duration.ofMinutes(20));
            assertThat(reopened.state().gaps()).singleElement().satisfies(g -> assertThat(g.counted()).isFalse());
        }

        @Test
        void aPausedSessionReopensWithoutAQuestion() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(20);
            r.record(r.live.pause("Lunch"));
            clock.advanceMinutes(40);
            clock.restartMonotonic();
            LiveSession reopened = LiveSession.reopen(r.log, plan("highfield-css-l3"), clock, SessionSettings.DEFAULT,
                    Optional.empty());
            assertThat(reopened.gapQuestion()).isEmpty();
            assertThat(reopened.elapsed()).isEqualTo(Duration.ofMinutes(20));
        }

        @Test
        void aClockSetBackDuringTheStopGivesNoNegativeGap() throws Exception {
            Recorder r = start("highfield-css-l3", "observation");
            clock.advanceMinutes(5);
            r.record(r.live.judge("K3.3", CriterionState.MET));
            clock.jumpWall(Duration.ofHours(-2));
            clock.restartMonotonic();
            LiveSession reopened = LiveSession.reopen(r.log, plan("highfield-css-l3"), clock, SessionSettings.DEFAULT,
                    Optional.empty());
            assertThat(reopened.gapQuestion().orElseThrow().gap()).isEqualTo(Duration.ZERO);
        }
    }

    /** Mode, location and ID check can be recorded after planning; after the end only as an amendment with a reason. */
    @Test
    void detailsAreRecordedLaterAndAmendedAfterTheEnd() throws Exception {
        AssessmentPlan plan = plan("highfield-css-l3");
        LiveSession live = LiveSession.create("s-9", plan, "observation", clock, SessionSettings.DEFAULT);
        Recorder r = new Recorder(live);
        r.record(live.plan(new SessionDetails("a-1", plan.id(), plan.version(), "observation", AttemptKind.FIRST,
                AssessmentMode.FACE_TO_FACE, "", "")));
        r.record(live.start());
        clock.advanceMinutes(2);
        r.record(live.recordDetails(AssessmentMode.FACE_TO_FACE, " Returns desk ", "Passport "));
        assertThat(live.state().details().idDocumentSeen()).isEqualTo("Passport");
        assertThat(live.state().details().location()).isEqualTo("Returns desk");
        assertThatThrownBy(() -> live.recordDetails(AssessmentMode.FACE_TO_FACE, "Returns desk", "Passport"))
                .hasMessageContaining("nothing changed");
        clock.advanceMinutes(56);
        r.record(live.end(null));

        assertThatThrownBy(() -> live.recordDetails(AssessmentMode.REMOTE_VIDEO, "Teams", "Passport"))
                .isInstanceOf(SessionRuleException.class).hasMessageContaining("record an amendment with a reason");
        EventBody.DetailsRecorded fix = new EventBody.DetailsRecorded(AssessmentMode.FACE_TO_FACE, "Returns desk",
                "UK photocard driving licence");
        assertThatThrownBy(() -> live.amend(" ", fix)).hasMessageContaining("needs a reason");
        SessionEvent amended = r.record(live.amend("Licence seen, not passport: typed in haste", fix));
        assertThat(amended.type()).isEqualTo("amended");
        for (SessionState s : List.of(live.state(), SessionState.fold(r.log))) {
            assertThat(s.details().idDocumentSeen()).isEqualTo("UK photocard driving licence");
            assertThat(s.details().location()).isEqualTo("Returns desk");
            assertThat(s.amendments()).singleElement().satisfies(a -> {
                assertThat(a.reason()).isEqualTo("Licence seen, not passport: typed in haste");
                assertThat(a.correction().describe()).contains("ID seen: UK photocard driving licence");
            });
            assertThat(s.ended()).isTrue();
        }
    }

    /**
     * An ended session is locked in the fold itself: events after the end other than amendments,
     * declarations and signed records (as a tampered or faulty import might bring) change nothing.
     */
    @Test
    void theFoldIgnoresEverythingButAmendmentsAfterTheEnd() throws Exception {
        Recorder r = start("highfield-css-l3", "observation");
        clock.advanceMinutes(10);
        r.record(r.live.judge("K3.3", CriterionState.NOT_MET));
        clock.advanceMinutes(50);
        r.record(r.live.end(null));
        SessionState ended = SessionState.fold(r.log);

        List<SessionEvent> log = new java.util.ArrayList<>(r.log);
        java.util.function.BiFunction<Duration, EventBody, SessionEvent> next = (t, b) -> new SessionEvent(
                java.util.UUID.randomUUID().toString(), "s-1", log.size() + 1, clock.now(), t, b);
        log.add(next.apply(Duration.ofMinutes(61), new EventBody.CriterionJudged("K3.3", CriterionState.MET)));
        log.add(next.apply(Duration.ofMinutes(61), new EventBody.NoteAdded("K3.3", "added after the end")));
        log.add(next.apply(Duration.ofMinutes(61), new EventBody.Started()));
        log.add(next.apply(Duration.ofMinutes(90), new EventBody.Paused("after the end")));
        log.add(next.apply(Duration.ofMinutes(90), new EventBody.Ended("again", DurationState.OVER_MAXIMUM)));
        SessionState tampered = SessionState.fold(log);
        assertThat(tampered.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(tampered.criterionStates()).isEqualTo(ended.criterionStates()).containsEntry("K3.3", CriterionState.NOT_MET);
        assertThat(tampered.notes()).isEmpty();
        assertThat(tampered.pauses()).isEmpty();
        assertThat(tampered.elapsedAtLastEvent()).isEqualTo(Duration.ofMinutes(60));
        assertThat(tampered.ending().orElseThrow().reason()).isNull();
        assertThat(tampered.ignoredAfterEnd()).extracting(SessionState.IgnoredEvent::type)
                .containsExactly("criterion-judged", "note-added", "started", "paused", "ended");
        assertThat(tampered.lastSeq()).isEqualTo(log.size());

        // an amendment still corrects the record, with its reason
        log.add(next.apply(Duration.ofMinutes(60), new EventBody.Amended("Evidence confirmed afterwards",
                new EventBody.CriterionJudged("K3.3", CriterionState.MET))));
        SessionState amended = SessionState.fold(log);
        assertThat(amended.judgements().get("K3.3").state()).isEqualTo(CriterionState.MET);
        assertThat(amended.judgements().get("K3.3").amended()).isTrue();
        assertThat(amended.amendments()).hasSize(1);
        assertThat(ended.ignoredAfterEnd()).isEmpty();
    }

    @Test
    void foldingTheLogGivesTheSameStateAsLiving() throws Exception {
        Recorder r = start("highfield-css-l3", "observation");
        clock.advanceMinutes(3);
        r.record(r.live.judge("K3.3", CriterionState.MET));
        r.record(r.live.toggleQuestioning());
        clock.advanceMinutes(2);
        r.record(r.live.toggleQuestioning());
        r.record(r.live.note(null, "Apprentice moved to the returns desk"));
        clock.advanceMinutes(56);
        r.record(r.live.end(null));
        SessionState folded = SessionState.fold(r.log);
        SessionState live = r.live.state();
        assertThat(folded.criterionStates()).isEqualTo(live.criterionStates());
        assertThat(folded.questioningUsedAt(folded.elapsedAtLastEvent())).isEqualTo(Duration.ofMinutes(2));
        assertThat(folded.elapsedAtLastEvent()).isEqualTo(Duration.ofMinutes(61));
        assertThat(folded.notes()).hasSize(1);
        assertThat(folded.status()).isEqualTo(SessionStatus.ENDED);
    }
}
