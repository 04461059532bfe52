package org.epaworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.epaworkbench.packs.JsonFiles;

/** Prints the commands' JSON, pretty, one document per run. */
final class JsonOutput {
    private JsonOutput() {
    }

    static <T> void array(PrintWriter out, List<T> items, Function<T, ? extends JsonNode> toJson) {
        var array = JsonFiles.mapper().createArrayNode();
        items.forEach(i -> array.add(toJson.apply(i)));
        out.println(JsonFiles.pretty(array));
    }

    static void object(PrintWriter out, JsonNode node) {
        out.println(JsonFiles.pretty(node));
    }
}
