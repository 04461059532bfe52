package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.session.AskedQuestion;
import org.epaworkbench.session.CriterionNote;
import org.epaworkbench.session.DurationState;
import org.epaworkbench.session.ElapsedText;
import org.epaworkbench.session.GradePreview;
import org.epaworkbench.session.EvidenceReference;
import org.epaworkbench.session.Judgement;
import org.epaworkbench.session.Pause;
import org.epaworkbench.session.QuestioningBudget;
import org.epaworkbench.session.SessionEvent;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.session.SessionState;
import org.epaworkbench.app.Sessions;
import org.epaworkbench.packs.PlanJson;
import org.epaworkbench.store.SessionStore.SessionSummary;

/** The JSON the {@code session} commands print (a contract; see docs/cli-json.md). */
final class SessionJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SessionJson() {
    }

    static ObjectNode summary(SessionSummary s) {
        ObjectNode n = F.objectNode();
        n.put("id", s.id());
        n.putObject("apprentice").put("id", s.apprenticeId()).put("name", s.apprenticeName());
        n.put("planId", s.planId()).put("componentId", s.componentId()).put("attempt", s.attempt().word());
        n.put("status", s.status().name().toLowerCase());
        n.put("createdAt", s.createdAt().toString());
        putInstant(n, "startedAt", s.startedAt());
        putInstant(n, "endedAt", s.endedAt());
        n.put("elapsedSeconds", s.elapsed().toSeconds());
        n.put("sample", s.sample());
        return n;
    }

    /** Elapsed time of a stored session seen from outside its run: a running session counts on by the wall clock. */
    static Duration elapsed(SessionState s, Instant now) {
        if (!s.running()) {
            return s.elapsedAtLastEvent();
        }
        Duration since = Duration.between(s.lastEventAt(), now);
        return s.elapsedAtLastEvent().plus(since.isNegative() ? Duration.ZERO : since);
    }

    static ObjectNode show(SessionState s, SessionSummary summary, Apprentice apprentice, AssessmentPlan plan,
            Instant now, SessionSettings settings) {
        Component component = plan.component(s.details().componentId()).orElseThrow();
        Duration elapsed = elapsed(s, now);
        ObjectNode n = F.objectNode();
        n.put("id", s.sessionId());
        ObjectNode a = n.putObject("apprentice");
        a.put("id", apprentice.id()).put("name", apprentice.name()).put("uln", apprentice.uln().value())
                .put("employer", apprentice.employer());
        n.put("planId", plan.id()).put("planVersion", s.details().planVersion());
        n.put("componentId", component.id()).put("componentTitle", component.title());
        n.put("attempt", s.details().attempt().word()).put("mode", s.details().mode().word())
                .put("location", s.details().location()).put("idDocumentSeen", s.details().idDocumentSeen());
        n.put("status", s.status().name().toLowerCase()).put("sample", summary.sample());
        putInstant(n, "startedAt", s.startedAt().orElse(null));
        putInstant(n, "endedAt", s.endedAt().orElse(null));

        s.enteredFromPaper().ifPresentOrElse(p -> n.putObject("enteredFromPaper").put("reason", p.reason())
                .put("enteredAt", p.enteredAt().toString()), () -> n.putNull("enteredFromPaper"));
        ArrayNode rules = n.putArray("planRules");
        plan.remindersFor(component.id(), s.details().attempt()).forEach(r -> rules.add(PlanJson.reminder(r)));

        ObjectNode timing = n.putObject("timing");
        timing.put("elapsedSeconds", elapsed.toSeconds()).put("elapsed", ElapsedText.format(elapsed));
        PlanJson.minutes(timing, "plannedMinutes", component.timing().plannedMinutes());
        PlanJson.minutes(timing, "minMinutes", component.timing().minMinutes());
        PlanJson.minutes(timing, "maxMinutes", component.timing().maxMinutes());
        DurationState ds = s.ending().map(e -> e.durationState())
                .orElse(DurationState.of(elapsed, component.timing(), settings.approachingMaximum()));
        timing.put("state", ds.name()).put("stateLabel", ds.label());

        ArrayNode pauses = n.putArray("pauses");
        for (Pause p : s.pauses()) {
            ObjectNode pn = pauses.addObject().put("reason", p.reason()).put("from", p.from().toString());
            putInstant(pn, "until", p.until());
        }

        if (component.questioning() == null) {
            n.putNull("questioning");
        } else {
            QuestioningBudget q = new QuestioningBudget(s.questioningUsedAt(elapsed),
                    component.questioning().limitFor(component.timing()), settings.questioningWarning(),
                    s.questioningActive());
            n.putObject("questioning").put("usedSeconds", q.used().toSeconds()).put("used", ElapsedText.format(q.used()))
                    .put("limitSeconds", q.limit().toSeconds()).put("limit", ElapsedText.format(q.limit()))
                    .put("level", q.level().name()).put("active", q.active());
        }

        ArrayNode questions = n.putArray("questions");
        for (AskedQuestion q : s.questions()) {
            ObjectNode qn = questions.addObject().put("number", q.number()).put("text", q.text());
            if (q.bankId() == null) {
                qn.putNull("bankId");
            } else {
                qn.put("bankId", q.bankId());
            }
            qn.put("askedAtSeconds", q.askedAt().toSeconds());
            if (q.endedAt() == null) {
                qn.putNull("endedAtSeconds");
            } else {
                qn.put("endedAtSeconds", q.endedAt().toSeconds());
            }
            qn.put("timeSpentSeconds", q.timeSpent(elapsed).toSeconds());
            ArrayNode f = qn.putArray("followUps");
            q.followUps().forEach(f::add);
        }
        if (component.questionCount() != null) {
            n.put("questionCount", component.questionCount().exactly());
        } else {
            n.putNull("questionCount");
        }

        ArrayNode judgements = n.putArray("judgements");
        for (Criterion c : component.criteria()) {
            Judgement j = s.judgements().get(c.id());
            ObjectNode jn = judgements.addObject().put("criterionId", c.id()).put("code", c.code())
                    .put("level", c.level().word());
            if (j == null) {
                jn.putNull("state");
            } else {
                jn.put("state", j.state().word()).put("sessionTime", ElapsedText.format(j.sessionTime()))
                        .put("amended", j.amended());
            }
        }
        ArrayNode notes = n.putArray("notes");
        for (CriterionNote note : s.notes()) {
            ObjectNode nn = notes.addObject();
            if (note.criterionId() == null) {
                nn.putNull("criterionId");
            } else {
                nn.put("criterionId", note.criterionId());
            }
            nn.put("text", note.text()).put("sessionTime", ElapsedText.format(note.sessionTime()))
                    .put("amendment", note.amendment());
        }
        ArrayNode evidence = n.putArray("evidence");
        for (EvidenceReference e : s.evidence()) {
            evidence.addObject().put("criterionId", e.criterionId()).put("reference", e.reference())
                    .put("sessionTime", ElapsedText.format(e.sessionTime())).put("amendment", e.amendment());
        }
        ArrayNode amendments = n.putArray("amendments");
        s.amendments().forEach(am -> amendments.addObject().put("reason", am.reason()).put("at", am.at().toString())
                .put("correction", am.correction().describe()));
        if (s.ending().isPresent()) {
            ObjectNode e = n.putObject("ending");
            if (s.ending().get().reason() == null) {
                e.putNull("reason");
            } else {
                e.put("reason", s.ending().get().reason());
            }
            e.put("durationState", s.ending().get().durationState().name());
        } else {
            n.putNull("ending");
        }
        ArrayNode ignored = n.putArray("ignoredAfterEnd");
        s.ignoredAfterEnd().forEach(i -> ignored.addObject().put("seq", i.seq()).put("type", i.type()).put("id", i.eventId()));
        ArrayNode unknown = n.putArray("unknownCriteria");
        GradePreview.unknownCriteria(component, s).forEach(unknown::add);
        n.set("gradePreview", ResultJson.component(GradePreview.of(plan, component, s)));
        return n;
    }

    static ObjectNode event(SessionEvent e) {
        ObjectNode n = F.objectNode();
        n.put("id", e.id()).put("seq", e.seq()).put("type", e.type()).put("at", e.at().toString())
                .put("sessionTimeMillis", e.sessionTime().toMillis()).put("sessionTime", ElapsedText.format(e.sessionTime()))
                .put("description", e.body().describe());
        n.set("payload", Sessions.payload(e.body()));
        return n;
    }

    private static void putInstant(ObjectNode n, String field, Instant value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value.toString());
        }
    }
}
