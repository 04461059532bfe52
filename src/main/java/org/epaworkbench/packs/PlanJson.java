package org.epaworkbench.packs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptCap;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.plan.CarryOverRule;
import org.epaworkbench.plan.Citation;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.DistinctionRule;
import org.epaworkbench.plan.DurationWindow;
import org.epaworkbench.plan.ExampleQuestion;
import org.epaworkbench.plan.QuestioningLimit;
import org.epaworkbench.plan.SourceDocument;

/**
 * Writes plans in the JSON the command line prints. The field names are a contract other tools
 * read (see docs/cli-json.md); add fields, never rename them.
 */
public final class PlanJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PlanJson() {
    }

    /** The summary {@code plans list --json} prints for each plan. */
    public static ObjectNode summary(AssessmentPlan plan, String origin) {
        ObjectNode n = header(plan);
        n.put("origin", origin);
        ArrayNode components = n.putArray("components");
        for (Component c : plan.components()) {
            components.addObject().put("id", c.id()).put("title", c.title()).put("criteria", c.criteria().size());
        }
        return n;
    }

    /** The whole plan, as {@code plans show --json} prints it. */
    public static ObjectNode full(AssessmentPlan plan, String origin) {
        ObjectNode n = header(plan);
        n.put("origin", origin);
        ArrayNode notes = n.putArray("notes");
        plan.notes().forEach(notes::add);
        ArrayNode components = n.putArray("components");
        for (Component c : plan.components()) {
            components.add(component(c));
        }
        ObjectNode overall = n.putObject("overall");
        overall.set("distinction", rule(plan.overallDistinction()));
        overall.set("source", citation(plan.overallSource()));
        AttemptCap cap = plan.attemptCap();
        if (cap == null) {
            n.putNull("attemptCap");
        } else {
            ObjectNode capNode = n.putObject("attemptCap");
            capNode.put("maxGrade", cap.maxGrade().name());
            ArrayNode attempts = capNode.putArray("attempts");
            for (AttemptKind a : AttemptKind.values()) {
                if (cap.attempts().contains(a)) {
                    attempts.add(a.word());
                }
            }
            capNode.put("scope", cap.scope().word());
            capNode.put("waivedForExceptionalCircumstances", cap.waivedForExceptionalCircumstances());
            capNode.set("source", citation(cap.source()));
        }
        ArrayNode carry = n.putArray("carryOver");
        for (CarryOverRule r : plan.carryOver()) {
            carry.addObject().put("from", r.fromComponent()).put("to", r.toComponent()).put("when", "not_arisen")
                    .set("source", citation(r.source()));
        }
        return n;
    }

    private static ObjectNode header(AssessmentPlan plan) {
        ObjectNode n = F.objectNode();
        n.put("id", plan.id());
        n.put("title", plan.title());
        n.put("organisation", plan.organisation());
        n.put("standard", plan.standard());
        n.put("level", plan.level());
        n.put("version", plan.version());
        ArrayNode sources = n.putArray("sources");
        for (SourceDocument s : plan.sources()) {
            ObjectNode sn = sources.addObject().put("ref", s.ref()).put("title", s.title());
            if (s.file() != null) {
                sn.put("file", s.file());
            } else {
                sn.putNull("file");
            }
        }
        return n;
    }

    private static ObjectNode component(Component c) {
        ObjectNode n = F.objectNode();
        n.put("id", c.id());
        n.put("title", c.title());
        DurationWindow t = c.timing();
        ObjectNode timing = n.putObject("timing");
        minutes(timing, "plannedMinutes", t.plannedMinutes());
        minutes(timing, "tolerancePercent", t.tolerancePercent());
        minutes(timing, "minMinutes", t.minMinutes());
        minutes(timing, "maxMinutes", t.maxMinutes());
        timing.set("source", citation(t.source()));
        QuestioningLimit q = c.questioning();
        if (q == null) {
            n.putNull("questioning");
        } else {
            ObjectNode qn = n.putObject("questioning");
            minutes(qn, "maxMinutes", q.maxMinutes());
            minutes(qn, "maxPercent", q.maxPercent());
            if (q.percentOf() == null) {
                qn.putNull("percentOf");
            } else {
                qn.put("percentOf", q.percentOf().word());
            }
            minutes(qn, "limitMinutes", q.limitFor(t).toMillis() / 60_000.0);
            qn.set("source", citation(q.source()));
        }
        if (c.questionCount() == null) {
            n.putNull("questionCount");
        } else {
            n.put("questionCount", c.questionCount().exactly());
        }
        ObjectNode grading = n.putObject("grading");
        grading.set("distinction", rule(c.distinctionRule()));
        grading.set("source", citation(c.gradingSource()));
        ArrayNode statements = n.putArray("ksbRequirements");
        for (org.epaworkbench.plan.KsbRequirement k : c.ksbRequirements()) {
            statements.addObject().put("id", k.id()).put("kind", k.kind().word()).put("area", k.area()).put("text", k.text())
                    .set("source", citation(k.source()));
        }
        ArrayNode criteria = n.putArray("criteria");
        for (Criterion cr : c.criteria()) {
            criteria.add(criterion(cr));
        }
        if (c.oneSession() == null) {
            n.putNull("oneSession");
        } else {
            n.putObject("oneSession").set("source", citation(c.oneSession().source()));
        }
        ObjectNode recording = n.putObject("recording");
        for (String mode : List.of("faceToFace", "remote")) {
            org.epaworkbench.plan.RecordingRule.ModeRule m = c.recording().when(mode.equals("remote"));
            ObjectNode mn = recording.putObject(mode).put("rule", m.requirement().word());
            if (m.source() == null) {
                mn.putNull("source");
            } else {
                mn.set("source", citation(m.source()));
            }
        }
        if (c.recording().exemption() == null) {
            recording.putNull("exemption");
        } else {
            recording.putObject("exemption").set("source", citation(c.recording().exemption()));
        }
        if (c.resitFollowUp() == null) {
            n.putNull("resitFollowUp");
        } else {
            ObjectNode f = n.putObject("resitFollowUp");
            f.put("activity", c.resitFollowUp().activity()).put("minutes", c.resitFollowUp().minutes())
                    .put("condition", c.resitFollowUp().condition());
            f.set("source", citation(c.resitFollowUp().source()));
        }
        List<ExampleQuestion> examples = c.exampleQuestions();
        ArrayNode ex = n.putArray("exampleQuestions");
        for (ExampleQuestion e : examples) {
            ex.addObject().put("theme", e.theme()).put("text", e.text()).set("source", citation(e.source()));
        }
        return n;
    }

    public static ObjectNode criterion(Criterion c) {
        ObjectNode n = F.objectNode();
        n.put("id", c.id());
        n.put("code", c.code());
        if (c.text() == null) {
            n.putNull("text");
        } else {
            n.put("text", c.text());
        }
        n.put("wordingProvided", c.wordingProvided());
        n.put("level", c.level().word());
        n.put("theme", c.theme());
        ArrayNode ksb = n.putArray("ksb");
        c.ksb().forEach(ksb::add);
        ArrayNode requirements = n.putArray("ksbRequirements");
        c.ksbRequirements().forEach(requirements::add);
        n.set("source", citation(c.source()));
        return n;
    }

    /** A plan rule shown where the assessor acts: {@code {title, text, source}}. */
    public static ObjectNode reminder(org.epaworkbench.plan.Reminder r) {
        ObjectNode n = F.objectNode();
        n.put("title", r.title()).put("text", r.text());
        n.set("source", citation(r.source()));
        return n;
    }

    private static ObjectNode rule(DistinctionRule r) {
        ObjectNode n = F.objectNode();
        n.put("rule", r.kind() == DistinctionRule.Kind.ALL ? "all" : "atLeast");
        if (r.kind() == DistinctionRule.Kind.ALL) {
            n.putNull("atLeast");
        } else {
            n.put("atLeast", r.atLeast());
        }
        return n;
    }

    private static ObjectNode citation(Citation c) {
        ObjectNode n = F.objectNode();
        n.put("ref", c.ref());
        n.put("section", c.section());
        if (c.quote() != null) {
            n.put("quote", c.quote());
        }
        if (c.note() != null) {
            n.put("note", c.note());
        }
        return n;
    }

    /** Writes whole minutes as integers (60, not 60.0) and leaves fractions as they are (9.9). */
    public static void minutes(ObjectNode n, String field, Double value) {
        if (value == null) {
            n.putNull(field);
        } else if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            n.put(field, value.longValue());
        } else {
            n.put(field, Math.round(value * 1000.0) / 1000.0);
        }
    }
}
