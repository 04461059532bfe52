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
        List<ExampleQuestion> exampleQuestions) {

    public Component {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(distinctionRule, "distinctionRule");
        Objects.requireNonNull(gradingSource, "gradingSource");
        criteria = List.copyOf(criteria);
        exampleQuestions = List.copyOf(exampleQuestions);
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
