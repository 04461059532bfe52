package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.grading.InputPath;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.packs.PlanPackException;
import org.epaworkbench.people.Apprentice;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.PaperRecord;
import org.epaworkbench.session.SessionDetails;

/**
 * Reads the file {@code session enter --from FILE.json} takes: a session recorded on paper (see docs/cli-json.md,
 * "session enter"). Every problem names the file, the JSON path and what was expected.
 */
final class PaperSessionJson {

    /** The apprentice (by id or ULN) and plan the file names, for the command to look up. */
    interface Lookup {
        Apprentice apprentice(String idOrUln) throws BadInputException;

        AssessmentPlan plan(String planId) throws BadInputException;
    }

    /** What was read: the plan to check it against and the paper record. */
    record Read(AssessmentPlan plan, PaperRecord record) {
    }

    private static final Set<String> ROOT = Set.of("$schema", "apprentice", "plan", "component", "attempt", "mode", "location",
            "idDocumentSeen", "reasonOnPaper", "timeZone", "date", "start", "end", "endReason", "pauses", "questioning",
            "judgements", "notes", "evidence", "questions");
    private static final String STATES = Stream.of(CriterionState.values()).map(CriterionState::word).collect(Collectors.joining(", "));
    private static final String ATTEMPTS = Stream.of(AttemptKind.values()).map(AttemptKind::word).collect(Collectors.joining(", "));
    private static final String MODES = Stream.of(AssessmentMode.values()).map(AssessmentMode::word).collect(Collectors.joining(", "));

    private final String file;
    private ZoneId zone;
    private LocalDate date;

    PaperSessionJson(String file) {
        this.file = file;
    }

    Read read(String text, Lookup lookup) throws BadInputException {
        JsonNode root;
        try {
            root = JsonFiles.parse(file, text);
        } catch (PlanPackException e) {
            throw new BadInputException(e.getMessage());
        }
        if (!root.isObject()) {
            throw problem("$", "expected an object describing the session recorded on paper");
        }
        fields(root, "$", ROOT);
        Apprentice apprentice = lookup.apprentice(requiredText(root, "$", "apprentice", "the apprentice's id or ULN"));
        AssessmentPlan plan = lookup.plan(optionalText(root, "$", "plan").orElse(apprentice.planId()));
        String component = requiredText(root, "$", "component", "the component's id, one of "
                + String.join(", ", plan.components().stream().map(c -> c.id()).toList()));
        if (plan.component(component).isEmpty()) {
            throw problem("$.component", "plan " + plan.id() + " has no component \"" + component + "\"; expected one of "
                    + String.join(", ", plan.components().stream().map(c -> c.id()).toList()));
        }
        AttemptKind attempt = word(root, "$", "attempt", ATTEMPTS, AttemptKind::fromWord, null);
        if (attempt == null) {
            throw problem("$.attempt", "missing; say which attempt this is: one of " + ATTEMPTS);
        }
        AssessmentMode mode = word(root, "$", "mode", MODES, AssessmentMode::fromWord, AssessmentMode.FACE_TO_FACE);
        String reason = requiredText(root, "$", "reasonOnPaper", "why the session was recorded on paper, e.g. \"laptop battery failed\"");
        String zoneName = optionalText(root, "$", "timeZone").orElse(null);
        try {
            zone = zoneName == null ? ZoneId.systemDefault() : ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw problem("$.timeZone", "\"" + zoneName + "\" is not a time zone; expected a name such as \"Europe/London\"");
        }
        String d = optionalText(root, "$", "date").orElse(null);
        if (d != null) {
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw problem("$.date", "expected a date such as \"2026-11-20\"; found \"" + d + "\"");
            }
        }
        SessionDetails details = new SessionDetails(apprentice.id(), plan.id(), plan.version(), component, attempt, mode,
                optionalText(root, "$", "location").orElse(""), optionalText(root, "$", "idDocumentSeen").orElse(""));
        Instant start = time(root.get("start"), "$.start", true);
        Instant end = time(root.get("end"), "$.end", true);

        List<PaperRecord.Pause> pauses = new ArrayList<>();
        for (Item i : items(root, "pauses", Set.of("from", "until", "reason"))) {
            pauses.add(new PaperRecord.Pause(time(i.node.get("from"), i.path + ".from", true), time(i.node.get("until"),
                    i.path + ".until", true), optionalText(i.node, i.path, "reason").orElse(null), i.path));
        }
        List<PaperRecord.Span> questioning = new ArrayList<>();
        for (Item i : items(root, "questioning", Set.of("from", "until"))) {
            questioning.add(new PaperRecord.Span(time(i.node.get("from"), i.path + ".from", true),
                    time(i.node.get("until"), i.path + ".until", true), i.path));
        }
        List<PaperRecord.TimedJudgement> judgements = new ArrayList<>();
        for (Item i : items(root, "judgements", Set.of("criterion", "state", "at"))) {
            CriterionState state = word(i.node, i.path, "state", STATES, CriterionState::fromWord, null);
            if (state == null) {
                throw problem(i.path + ".state", "missing; expected one of " + STATES);
            }
            judgements.add(new PaperRecord.TimedJudgement(requiredText(i.node, i.path, "criterion", "the criterion's code"), state,
                    time(i.node.get("at"), i.path + ".at", true), i.path));
        }
        List<PaperRecord.TimedNote> notes = new ArrayList<>();
        for (Item i : items(root, "notes", Set.of("criterion", "text", "at"))) {
            notes.add(new PaperRecord.TimedNote(optionalText(i.node, i.path, "criterion").orElse(null),
                    requiredText(i.node, i.path, "text", "the note's text"), time(i.node.get("at"), i.path + ".at", true), i.path));
        }
        List<PaperRecord.TimedEvidence> evidence = new ArrayList<>();
        for (Item i : items(root, "evidence", Set.of("criterion", "reference", "at"))) {
            evidence.add(new PaperRecord.TimedEvidence(requiredText(i.node, i.path, "criterion", "the criterion's code"),
                    requiredText(i.node, i.path, "reference", "the evidence reference, e.g. \"portfolio item 7\""),
                    time(i.node.get("at"), i.path + ".at", true), i.path));
        }
        List<PaperRecord.TimedQuestion> questions = new ArrayList<>();
        for (Item i : items(root, "questions", Set.of("text", "at", "closedAt", "followUps"))) {
            List<String> followUps = new ArrayList<>();
            JsonNode f = i.node.get("followUps");
            if (f != null && !f.isNull()) {
                if (!f.isArray()) {
                    throw problem(i.path + ".followUps", "expected an array of texts; found " + describe(f));
                }
                for (int k = 0; k < f.size(); k++) {
                    if (!f.get(k).isTextual()) {
                        throw problem(i.path + ".followUps[" + k + "]", "expected a text; found " + describe(f.get(k)));
                    }
                    followUps.add(f.get(k).asText());
                }
            }
            questions.add(new PaperRecord.TimedQuestion(requiredText(i.node, i.path, "text", "the question as asked"),
                    time(i.node.get("at"), i.path + ".at", true), time(i.node.get("closedAt"), i.path + ".closedAt", false),
                    followUps, i.path));
        }
        return new Read(plan, new PaperRecord(details, reason, start, pauses, questioning, end,
                optionalText(root, "$", "endReason").orElse(null), judgements, notes, evidence, questions, zone));
    }

    private record Item(JsonNode node, String path) {
    }

    private List<Item> items(JsonNode root, String field, Set<String> allowed) throws BadInputException {
        JsonNode a = root.get(field);
        List<Item> items = new ArrayList<>();
        if (a == null || a.isNull()) {
            return items;
        }
        String path = "$." + field;
        if (!a.isArray()) {
            throw problem(path, "expected an array; found " + describe(a));
        }
        for (int i = 0; i < a.size(); i++) {
            String p = InputPath.index(path, i);
            if (!a.get(i).isObject()) {
                throw problem(p, "expected an object; found " + describe(a.get(i)));
            }
            fields(a.get(i), p, allowed);
            items.add(new Item(a.get(i), p));
        }
        return items;
    }

    /**
     * A time on the form: "09:30" (on {@code date}), a local date and time "2026-11-20T09:30", or one with its offset
     * "2026-11-20T09:30:00Z"; local times are in {@code timeZone} (default: this computer's).
     */
    private Instant time(JsonNode n, String path, boolean required) throws BadInputException {
        if (n == null || n.isNull()) {
            if (required) {
                throw problem(path, "missing; expected a time such as \"09:30\" (with \"date\") or \"2026-11-20T09:30\"");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw problem(path, "expected a time such as \"09:30\" or \"2026-11-20T09:30\"; found " + describe(n));
        }
        String t = n.asText().strip();
        try {
            if (t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
                if (date == null) {
                    throw problem(path, "\"" + t + "\" is a time of day, but the file gives no \"date\"; add \"date\": \"YYYY-MM-DD\" "
                            + "or write the date and time, e.g. \"2026-11-20T" + (t.length() == 4 ? "0" + t : t) + "\"");
                }
                return LocalDateTime.of(date, LocalTime.parse(t.length() == 4 || t.length() == 7 ? "0" + t : t)).atZone(zone).toInstant();
            }
            if (t.matches(".*(Z|[+-]\\d{2}:\\d{2})$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw problem(path, "\"" + t + "\" is not a time; expected e.g. \"09:30\" (with \"date\"), \"2026-11-20T09:30\" or "
                    + "\"2026-11-20T09:30:00Z\"");
        }
    }

    private <T> T word(JsonNode node, String path, String field, String expected, Function<String, T> parse, T absent)
            throws BadInputException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isTextual()) {
            throw problem(path + "." + field, "expected one of " + expected + "; found " + describe(v));
        }
        try {
            return parse.apply(v.asText());
        } catch (IllegalArgumentException e) {
            throw problem(path + "." + field, "expected one of " + expected + "; found \"" + v.asText() + "\"");
        }
    }

    private String requiredText(JsonNode node, String path, String field, String expected) throws BadInputException {
        return optionalText(node, path, field).filter(s -> !s.isBlank())
                .orElseThrow(() -> problem(InputPath.key(path, field), "missing; expected " + expected));
    }

    private java.util.Optional<String> optionalText(JsonNode node, String path, String field) throws BadInputException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return java.util.Optional.empty();
        }
        if (!v.isTextual()) {
            throw problem(InputPath.key(path, field), "expected a text; found " + describe(v));
        }
        return java.util.Optional.of(v.asText());
    }

    private void fields(JsonNode node, String path, Set<String> allowed) throws BadInputException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw problem(InputPath.key(path, name), "unknown field; expected one of "
                        + allowed.stream().filter(f -> !f.startsWith("$")).sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isTextual()) {
            return "the text \"" + node.asText() + "\"";
        }
        return node.isNull() ? "null" : node.getNodeType().name().toLowerCase() + " " + node;
    }

    private BadInputException problem(String path, String message) {
        return new BadInputException(file + ": " + path + ": " + message);
    }
}
