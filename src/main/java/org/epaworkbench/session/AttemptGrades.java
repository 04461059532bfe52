package org.epaworkbench.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.epaworkbench.grading.ComponentJudgements;
import org.epaworkbench.grading.ComponentResult;
import org.epaworkbench.grading.EpaJudgements;
import org.epaworkbench.grading.EpaResult;
import org.epaworkbench.grading.GradingEngine;
import org.epaworkbench.grading.GradingInputException;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;

/**
 * The grades an apprentice's ended sessions earned: the latest ended attempt at each component graded
 * together (so carry-over and the overall rules apply), each earlier attempt on its own. One rule, used
 * alike for an apprentice's file and for the session summaries kept beside the logs (issue 17).
 */
public final class AttemptGrades {

    /** An ended session of the apprentice's, with its log folded. */
    public record Ended(String sessionId, Instant endedAt, SessionState state) {
    }

    /** The overall result and each ended session's component result, by session id. */
    public record Graded(EpaResult overall, Map<String, ComponentResult> bySession) {
        public Graded {
            bySession = Map.copyOf(bySession);
        }
    }

    private AttemptGrades() {
    }

    /**
     * Grades {@code ended} (the apprentice's ended sessions of {@code plan}, in the order they were planned).
     *
     * @throws GradingInputException when the sessions do not fit the plan
     */
    public static Graded grade(AssessmentPlan plan, List<Ended> ended) throws GradingInputException {
        GradingEngine engine = new GradingEngine();
        Map<String, String> latest = new LinkedHashMap<>();
        Map<String, SessionState> states = new LinkedHashMap<>();
        for (Ended e : ended) {
            states.put(e.sessionId(), e.state());
        }
        for (Ended e : ended.stream().sorted(Comparator.comparing(Ended::endedAt)).toList()) {
            latest.put(e.state().details().componentId(), e.sessionId());
        }
        Map<String, ComponentJudgements> judgements = new LinkedHashMap<>();
        for (Component c : plan.components()) {
            String id = latest.get(c.id());
            if (id != null) {
                SessionState st = states.get(id);
                judgements.put(c.id(), new ComponentJudgements(st.details().attempt(), GradePreview.knownStates(c, st),
                        Map.of(), false));
            }
        }
        EpaResult result = engine.grade(plan, new EpaJudgements(judgements));
        Map<String, ComponentResult> bySession = new LinkedHashMap<>();
        for (Map.Entry<String, SessionState> e : states.entrySet()) {
            SessionState st = e.getValue();
            String componentId = st.details().componentId();
            if (e.getKey().equals(latest.get(componentId))) {
                result.component(componentId).ifPresent(r -> bySession.put(e.getKey(), r));
            } else {
                Optional<Component> c = plan.component(componentId);
                if (c.isPresent()) {
                    bySession.put(e.getKey(), engine.gradeComponent(plan, c.get(), new ComponentJudgements(
                            st.details().attempt(), GradePreview.knownStates(c.get(), st), Map.of(), false), Map.of()));
                }
            }
        }
        return new Graded(result, bySession);
    }
}
