package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.epaworkbench.grading.ComponentJudgements;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.grading.EpaJudgements;
import org.epaworkbench.grading.InputPath;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.packs.PlanPackException;
import org.epaworkbench.plan.AttemptKind;

/**
 * Reads the {@code grade} command's input:
 * <pre>{"components": {"observation": {"attempt": "first", "criteria": {"K3.3": "met"},
 *   "carriedOver": {"observation": {"D2": "met"}}, "exceptionalCircumstances": false}}}</pre>
 * Every problem names the file, the JSON path and what was expected.
 */
final class JudgementsJson {

    private static final Set<String> ROOT_FIELDS = Set.of("components", "$schema");
    private static final Set<String> COMPONENT_FIELDS = Set.of("attempt", "criteria", "carriedOver", "exceptionalCircumstances");
    private static final String STATES = Stream.of(CriterionState.values()).map(CriterionState::word)
            .collect(Collectors.joining(", "));
    private static final String ATTEMPTS = Stream.of(AttemptKind.values()).map(AttemptKind::word)
            .collect(Collectors.joining(", "));

    private final String file;

    JudgementsJson(String file) {
        this.file = file;
    }

    EpaJudgements read(String text) throws BadInputException {
        JsonNode root;
        try {
            root = JsonFiles.parse(file, text);
        } catch (PlanPackException e) {
            throw new BadInputException(e.getMessage());
        }
        requireObject(root, "$", "an object with a \"components\" object");
        checkFields(root, "$", ROOT_FIELDS);
        JsonNode components = root.get("components");
        if (components == null) {
            throw problem("$.components", "missing; expected an object of component id → judgements");
        }
        requireObject(components, "$.components", "an object of component id → judgements");
        Map<String, ComponentJudgements> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = components.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = InputPath.key("$.components", e.getKey());
            result.put(e.getKey(), component(e.getValue(), path));
        }
        return new EpaJudgements(result);
    }

    private ComponentJudgements component(JsonNode node, String path) throws BadInputException {
        requireObject(node, path, "an object with \"attempt\" and \"criteria\"");
        checkFields(node, path, COMPONENT_FIELDS);
        // required: a resit or retake may be capped, so the attempt is never guessed
        JsonNode a = node.get("attempt");
        if (a == null) {
            throw problem(path + ".attempt", "missing; say which attempt this is: one of " + ATTEMPTS);
        }
        if (!a.isTextual()) {
            throw problem(path + ".attempt", "expected one of " + ATTEMPTS + "; found " + describe(a));
        }
        AttemptKind attempt;
        try {
            attempt = AttemptKind.fromWord(a.asText());
        } catch (IllegalArgumentException ex) {
            throw problem(path + ".attempt", "expected one of " + ATTEMPTS + "; found \"" + a.asText() + "\"");
        }
        Map<String, CriterionState> criteria = states(node.get("criteria"), path + ".criteria");
        Map<String, Map<String, CriterionState>> carried = new LinkedHashMap<>();
        JsonNode co = node.get("carriedOver");
        if (co != null) {
            String coPath = path + ".carriedOver";
            requireObject(co, coPath, "an object of source component id → {criterion id: state}");
            for (Iterator<Map.Entry<String, JsonNode>> it = co.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                carried.put(e.getKey(), states(e.getValue(), InputPath.key(coPath, e.getKey())));
            }
        }
        boolean exceptional = false;
        JsonNode ex = node.get("exceptionalCircumstances");
        if (ex != null) {
            if (!ex.isBoolean()) {
                throw problem(path + ".exceptionalCircumstances", "expected true or false; found " + ex);
            }
            exceptional = ex.booleanValue();
        }
        return new ComponentJudgements(attempt, criteria, carried, exceptional);
    }

    private Map<String, CriterionState> states(JsonNode node, String path) throws BadInputException {
        Map<String, CriterionState> states = new LinkedHashMap<>();
        if (node == null) {
            return states;
        }
        requireObject(node, path, "an object of criterion id → " + STATES);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = InputPath.key(path, e.getKey());
            JsonNode v = e.getValue();
            if (!v.isTextual()) {
                throw problem(p, "expected one of " + STATES + "; found " + v);
            }
            try {
                states.put(e.getKey(), CriterionState.fromWord(v.asText()));
            } catch (IllegalArgumentException ex) {
                throw problem(p, "expected one of " + STATES + "; found \"" + v.asText() + "\"");
            }
        }
        return states;
    }

    private void requireObject(JsonNode node, String path, String expected) throws BadInputException {
        if (!node.isObject()) {
            throw problem(path, "expected " + expected + "; found " + describe(node));
        }
    }

    private void checkFields(JsonNode node, String path, Set<String> allowed) throws BadInputException {
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
        if (node.isTextual()) {
            return "the text \"" + node.asText() + "\"";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.getNodeType().name().toLowerCase() + " " + node;
    }

    private BadInputException problem(String path, String message) {
        return new BadInputException(file + ": " + path + ": " + message);
    }
}
