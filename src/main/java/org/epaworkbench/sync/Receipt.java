package org.epaworkbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.epaworkbench.packs.JsonFiles;

/**
 * What the organisation's intake service says it received (ADR 13): one package, by id and by the
 * SHA-256 of its exact bytes, the sessions and records it accepted from it, when, from whom. The
 * service signs these bytes ({@link Receipts}); an assessor's outbox counts a package delivered only
 * with a receipt for its exact hash.
 */
public record Receipt(String packageId, String sha256, long sizeBytes, String assessorKey, List<String> sessions,
        List<String> records, Instant receivedAt, String service) {

    public Receipt {
        sessions = List.copyOf(sessions);
        records = List.copyOf(records);
    }

    /** The bytes that are signed: JSON with the fields always in this order, UTF-8, no spaces. */
    public byte[] toJson() {
        ObjectNode n = JsonFiles.mapper().createObjectNode();
        n.put("format", "epa-workbench-receipt/1");
        n.put("packageId", packageId);
        n.put("sha256", sha256);
        n.put("sizeBytes", sizeBytes);
        n.put("assessorKey", assessorKey);
        ArrayNode s = n.putArray("sessions");
        sessions.forEach(s::add);
        ArrayNode r = n.putArray("records");
        records.forEach(r::add);
        n.put("receivedAt", receivedAt.toString());
        n.put("service", service);
        try {
            return JsonFiles.mapper().writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a receipt's bytes; the bytes must be exactly what {@link #toJson} writes for what they say. */
    public static Receipt fromJson(byte[] json) throws IOException {
        JsonNode n;
        try {
            n = JsonFiles.mapper().readTree(json);
        } catch (IOException e) {
            throw new IOException("the receipt is not JSON");
        }
        if (n == null || !n.isObject() || !"epa-workbench-receipt/1".equals(n.path("format").asText())) {
            throw new IOException("the receipt is not an EPA Workbench receipt");
        }
        Receipt r;
        try {
            r = new Receipt(text(n, "packageId"), text(n, "sha256"), n.path("sizeBytes").asLong(-1), text(n, "assessorKey"),
                    list(n, "sessions"), list(n, "records"), Instant.parse(text(n, "receivedAt")), text(n, "service"));
        } catch (DateTimeParseException e) {
            throw new IOException("the receipt's time is not a time");
        }
        if (!java.util.Arrays.equals(r.toJson(), json)) {
            throw new IOException("the receipt is not in the one form the service writes");
        }
        return r;
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException("the receipt has no " + field);
        }
        return v.asText();
    }

    private static List<String> list(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new IOException("the receipt has no list of " + field);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            out.add(e.asText());
        }
        return out;
    }
}
