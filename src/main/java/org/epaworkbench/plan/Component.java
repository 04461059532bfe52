package org.epaworkbench.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One assessment component of a plan (a practical observation, a professional discussion, a
 * work-based-project interview...): its timing, any limit on questioning time, the number of
 * questions, the distinction rule and its criteria.
 */
public record Component(
        String id,
        String title,
        DurationWindow timing,
        QuestioningLimit questioning,
        QuestionCount questionCount,
        DistinctionRule distinctionRule,
        Citation gradingSource,
        List<Criterion> criteria,
        List<ExampleQuestion> exampleQuestions,
        OneSession oneSession,
        ResitFollowUp resitFollowUp,
        List<KsbRequirement> ksbRequirements,
        RecordingRule recording) {

    /** The component is carried out in one session (the source's words say when it may be split, if ever). */
    public record OneSession(Citation source) {
        public OneSession {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * What a resit of this component comes with: e.g. "an additional professional discussion follow up of 30 minutes if a
     * suitable situation to evidence the criteria did not occur" (001).
     *
     * @param activity what is added, e.g. "professional discussion"
     * @param condition when, in the source's words, e.g. "if a suitable situation to evidence the criteria did not occur"
     */
    public record ResitFollowUp(String activity, int minutes, String condition, Citation source) {
        public ResitFollowUp {
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(source, "source");
            if (minutes < 1) {
                throw new IllegalArgumentException("a follow-up lasts at least a minute: " + minutes);
            }
        }

        /** "An additional professional discussion follow-up of 30 minutes, if a suitable situation … did not occur." */
        public String describe() {
            return "An additional " + activity + " follow-up of " + minutes + " minutes"
                    + (condition == null || condition.isBlank() ? "" : ", " + condition.strip()) + ".";
        }
    }

    public Component {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(distinctionRule, "distinctionRule");
        Objects.requireNonNull(gradingSource, "gradingSource");
        criteria = List.copyOf(criteria);
        exampleQuestions = List.copyOf(exampleQuestions);
        ksbRequirements = ksbRequirements == null ? List.of() : List.copyOf(ksbRequirements);
        recording = recording == null ? RecordingRule.UNSTATED : recording;
    }

    /** The KSB statements a criterion belongs beside (or, for one standing for all of them, every one), in the source's order. */
    public List<KsbRequirement> ksbRequirementsOf(Criterion c) {
        return ksbRequirements.stream().filter(k -> c.ksbRequirements().contains(k.id())).toList();
    }

    public Optional<OneSession> inOneSession() {
        return Optional.ofNullable(oneSession);
    }

    public Optional<ResitFollowUp> followUpOnResit() {
        return Optional.ofNullable(resitFollowUp);
    }

    public Optional<QuestioningLimit> questioningLimit() {
        return Optional.ofNullable(questioning);
    }

    public Optional<QuestionCount> questions() {
        return Optional.ofNullable(questionCount);
    }

    public Optional<Criterion> criterion(String criterionId) {
        return criteria.stream().filter(c -> c.id().equals(criterionId)).findFirst();
    }

    /** Finds a criterion by the code an assessor types ("S2.3", "s2.3", "P15"), ignoring case. */
    public Optional<Criterion> criterionByCode(String code) {
        String wanted = code.trim();
        return criteria.stream().filter(c -> c.code().equalsIgnoreCase(wanted)).findFirst();
    }

    public List<Criterion> criteriaAt(CriterionLevel level) {
        return criteria.stream().filter(c -> c.level() == level).toList();
    }

    public List<Criterion> passCriteria() {
        return criteriaAt(CriterionLevel.PASS);
    }

    public List<Criterion> distinctionCriteria() {
        return criteriaAt(CriterionLevel.DISTINCTION);
    }

    /** Criteria grouped by theme, themes in the order they first appear. */
    public Map<String, List<Criterion>> criteriaByTheme() {
        Map<String, List<Criterion>> byTheme = new LinkedHashMap<>();
        for (Criterion c : criteria) {
            byTheme.computeIfAbsent(c.theme(), t -> new ArrayList<>()).add(c);
        }
        return byTheme;
    }

    public boolean allWordingProvided() {
        return criteria.stream().allMatch(Criterion::wordingProvided);
    }
}
