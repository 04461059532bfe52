package org.epaworkbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.store.SignedRecords.SignedRecord;
import org.epaworkbench.store.SyncStore.ApprenticeRow;
import org.epaworkbench.store.SyncStore.EventRow;
import org.epaworkbench.store.SyncStore.SessionHeader;

/** The JSON entries of a package: written from stored rows, read back with their schemas. */
final class PackageJson {

    private static final Map<String, Schema> SCHEMAS = Map.of(
            "manifest", load("manifest"), "apprentices", load("apprentices"),
            "session", load("session"), "signed-records", load("signed-records"));

    private PackageJson() {
    }

    private static Schema load(String name) {
        String resource = "/org/epaworkbench/sync/" + name + ".schema.json";
        try (InputStream in = PackageJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema missing: " + resource);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build())).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses an entry and checks it against its schema; any problem refuses the package, naming the entry. */
    static JsonNode read(String entry, byte[] bytes, String schema) throws PackageRefused {
        JsonNode node;
        try {
            node = JsonFiles.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PackageRefused(entry, "not valid JSON at " + JsonFiles.where(e) + ": " + JsonFiles.plainMessage(e));
        } catch (IOException e) {
            throw new PackageRefused(entry, "not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (node == null || node.isMissingNode()) {
            throw new PackageRefused(entry, "is empty");
        }
        List<Error> errors = SCHEMAS.get(schema).validate(node);
        if (!errors.isEmpty()) {
            throw new PackageRefused(entry, inWords(errors.get(0), schema)
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problem" + (errors.size() == 2 ? "" : "s")
                    + ")" : ""));
        }
        return node;
    }

    /** A schema's complaint said in words: where (event 40's “seq”), and what is wrong with it, without JSON paths. */
    static String inWords(Error e, String schema) {
        String where = where(e.getInstanceLocation(), schema);
        JsonNode value = e.getInstanceNode();
        JsonNode rule = e.getSchemaNode();
        String property = e.getProperty();
        if (property == null && e.getArguments() != null && e.getArguments().length > 0 && e.getArguments()[0] != null) {
            property = String.valueOf(e.getArguments()[0]);
        }
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        switch (keyword) {
            case "required":
                return where + " has no “" + property + "”, which the format requires";
            case "additionalProperties":
            case "unevaluatedProperties":
                return where + " has “" + property + "”, which the format does not have";
            case "minimum":
            case "exclusiveMinimum":
                return where + " is " + shown(value) + (rule != null && rule.isNumber() ? ", less than the lowest "
                        + "allowed, " + rule.asText() : ", less than allowed")
                        + (where.endsWith("“seq”") ? " (positions in a log start at 1)" : "");
            case "maximum":
            case "exclusiveMaximum":
                return where + " is " + shown(value) + (rule != null && rule.isNumber() ? ", more than the highest "
                        + "allowed, " + rule.asText() : ", more than allowed");
            case "type":
                return where + " is " + kind(value) + ", where the format has "
                        + (rule != null ? kinds(rule) : "another kind of value");
            case "minLength":
            case "minItems":
                return where + " is too short" + (rule != null && rule.isNumber() ? " (at least " + rule.asText()
                        + (keyword.equals("minItems") ? " items" : " characters") + ")" : "");
            case "maxLength":
            case "maxItems":
                return where + " is too long" + (rule != null && rule.isNumber() ? " (at most " + rule.asText()
                        + (keyword.equals("maxItems") ? " items" : " characters") + ")" : "");
            default:
                return where + (value != null && value.isValueNode() ? " (" + shown(value) + ")" : "")
                        + " is not as the format describes it";
        }
    }

    /** Where in an entry: "the entry", "event 40", "event 40's “seq”", "apprentice 2's “uln”". */
    static String where(com.networknt.schema.path.NodePath path, String schema) {
        if (path == null || path.getNameCount() == 0) {
            return "the entry";
        }
        StringBuilder s = new StringBuilder();
        String parent = null;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                String noun = parent == null ? switch (schema) {
                    case "apprentices" -> "apprentice";
                    case "signed-records" -> "record";
                    default -> "item";
                } : switch (parent) {
                    case "events" -> "event";
                    case "entries" -> "listed entry";
                    default -> "item";
                };
                s.setLength(0);
                s.append(noun).append(' ').append(index + 1);
                parent = null;
            } else {
                String field = String.valueOf(element);
                s.append(s.length() == 0 ? "“" + field + "”" : "'s “" + field + "”");
                parent = field;
            }
        }
        return s.toString();
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "missing";
        }
        String text = value.isTextual() ? "“" + value.asText() + "”" : value.toString();
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private static String kind(JsonNode value) {
        if (value == null || value.isNull()) {
            return "empty (null)";
        }
        if (value.isTextual()) {
            return "text";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "true or false";
        }
        return value.isArray() ? "a list" : "an object";
    }

    private static String kinds(JsonNode rule) {
        List<String> words = new java.util.ArrayList<>();
        Iterable<JsonNode> types = rule.isArray() ? rule : List.of(rule);
        for (JsonNode t : types) {
            words.add(switch (t.asText()) {
                case "string" -> "text";
                case "integer" -> "a whole number";
                case "number" -> "a number";
                case "boolean" -> "true or false";
                case "array" -> "a list";
                case "object" -> "an object";
                case "null" -> "nothing (null)";
                default -> t.asText();
            });
        }
        return String.join(" or ", words);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static byte[] bytes(JsonNode node) {
        return JsonFiles.pretty(node).getBytes(StandardCharsets.UTF_8);
    }

    static ArrayNode apprentices(List<ApprenticeRow> rows) {
        ArrayNode a = JsonFiles.mapper().createArrayNode();
        for (ApprenticeRow r : rows) {
            a.addObject().put("id", r.id()).put("name", r.name()).put("uln", r.uln()).put("employer", r.employer())
                    .put("trainingProvider", r.trainingProvider()).put("planId", r.planId())
                    .put("apprenticeshipStart", r.apprenticeshipStart()).put("gatewayDate", r.gatewayDate())
                    .put("createdAt", r.createdAt()).put("updatedAt", r.updatedAt());
        }
        return a;
    }

    static ObjectNode session(SessionHeader h, List<EventRow> events) {
        ObjectNode n = JsonFiles.mapper().createObjectNode();
        n.put("id", h.id()).put("apprenticeId", h.apprenticeId()).put("planId", h.planId())
                .put("componentId", h.componentId()).put("attempt", h.attempt()).put("createdAt", h.createdAt());
        ArrayNode list = n.putArray("events");
        for (EventRow e : events) {
            ObjectNode en = list.addObject().put("id", e.id()).put("seq", e.seq()).put("deviceId", e.deviceId())
                    .put("type", e.type()).put("at", e.at()).put("sessionTimeMillis", e.sessionTimeMillis());
            en.put("prevHash", e.prevHash()).put("hash", e.hash());
            if (e.seq() == 1) {
                en.put("ownerKey", e.ownerKey());
            }
            try {
                en.set("payload", JsonFiles.mapper().readTree(e.payload()));
            } catch (IOException ex) {
                throw new UncheckedIOException("stored event " + e.id() + " has an unreadable payload", ex);
            }
        }
        // a session recorded on paper says so beside its log, for the organisation's systems (the event is the record)
        for (JsonNode ev : list) {
            if ("entered-from-paper".equals(ev.get("type").asText())) {
                n.set("enteredFromPaper", ev.get("payload").deepCopy());
            }
        }
        return n;
    }

    static ArrayNode signedRecords(List<SignedRecord> records) {
        ArrayNode a = JsonFiles.mapper().createArrayNode();
        for (SignedRecord r : records) {
            a.addObject().put("id", r.id()).put("kind", r.kind()).put("sessionId", r.sessionId())
                    .put("apprenticeId", r.apprenticeId()).put("fileName", r.fileName()).put("sha256", r.sha256())
                    .put("sizeBytes", r.sizeBytes()).put("signedAt", r.signedAt().toString())
                    .put("certificateFingerprint", r.certificateFingerprint());
        }
        return a;
    }
}
