package org.epaworkbench.packs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one Jackson configuration the app reads and writes its JSON with. */
public final class JsonFiles {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new JavaTimeModule())
            .build();

    private JsonFiles() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses JSON text, turning a syntax error into a message that names the JSON path where the
     * parser stopped, the line and column, and what was expected, in plain words without Jackson's
     * internal detail.
     */
    public static JsonNode parse(String sourceName, String text) throws PlanPackException {
        try {
            JsonNode node = MAPPER.readTree(withoutByteOrderMark(text));
            if (node == null || node.isMissingNode()) {
                throw new PlanPackException(sourceName, "$", "the file is empty; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PlanPackException(sourceName, where(e), "not valid JSON: " + plainMessage(e));
        }
    }

    /**
     * The text without a leading byte-order mark: Windows Notepad and some editors start a UTF-8 file
     * with one, and JSON readers must ignore it (RFC 8259, section 8.1).
     */
    public static String withoutByteOrderMark(String text) {
        return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Where a syntax error is: the JSON path of the value the parser was reading (as far as it got)
     * and the line and column, e.g. {@code $.components.observation (line 3, column 17)}.
     */
    public static String where(JsonProcessingException e) {
        String path = path(e);
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return path;
        }
        return path + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** The JSON path of the value being read when parsing stopped, from the parser's context. */
    static String path(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "$";
        }
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder path = new StringBuilder("$");
        for (JsonStreamContext c : chain) {
            if (c.inObject() && c.getCurrentName() != null) {
                String key = c.getCurrentName();
                path.append(PLAIN_KEY.matcher(key).matches() ? "." + key : "['" + key.replace("'", "\\'") + "']");
            } else if (c.inArray() && c.hasCurrentIndex()) {
                path.append('[').append(c.getCurrentIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * Jackson's message in plain words: no "[Source: ...]" or internal class and feature names,
     * characters shown as themselves, and where an unclosed object or array began.
     */
    public static String plainMessage(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (m.contains("nesting depth")) {
                return "the JSON is nested too deeply: more than "
                        + com.fasterxml.jackson.core.StreamReadConstraints.defaults().getMaxNestingDepth()
                        + " objects or arrays inside one another; no file of EPA Workbench needs more than a few levels";
            }
            if (m.contains("String value length") || m.contains("Number value length") || m.contains("Name length")) {
                return "a value in the JSON is far longer than any EPA Workbench file holds";
            }
            return "the JSON is larger or deeper than EPA Workbench reads";
        }
        String m = firstLine(e.getOriginalMessage());
        Matcher start = START_MARKER.matcher(m);
        String opened = start.find() ? " (it was opened at line " + start.group(1) + ", column " + start.group(2) + ")" : "";
        m = START_MARKER.matcher(m).replaceAll("");
        m = SOURCE.matcher(m).replaceAll("");
        m = CHAR_CODE_IN_BRACKETS.matcher(m).replaceAll("'$1'");
        m = CHAR_CODE.matcher(m).replaceAll("'$1'");
        if (m.startsWith("Unexpected end-of-input")) {
            if (m.contains("close marker for Object")) {
                return "the text ends before an object is closed with '}'" + opened;
            }
            if (m.contains("close marker for Array")) {
                return "the text ends before an array is closed with ']'" + opened;
            }
            if (m.contains("closing quote")) {
                return "the text ends inside a string; expected its closing '\"'";
            }
            return "the text ends too soon" + opened;
        }
        if (m.startsWith("Trailing token")) {
            return "more follows after the end of the JSON value; expected the end of the file";
        }
        if (m.startsWith("Unrecognized token")) {
            int colon = m.indexOf(':');
            return "unrecognized " + (colon < 0 ? m.substring("Unrecognized ".length())
                    : m.substring("Unrecognized ".length(), colon)) + "; expected a value: a string in double quotes, "
                    + "a number, an object, an array, true, false or null";
        }
        if (m.contains("was expecting double-quote to start field name")) {
            return m.replace("was expecting double-quote to start field name", "expected a field name in double quotes")
                    .replace("Unexpected character", "unexpected")
                    + (m.startsWith("Unexpected character '}'") ? " (a comma before '}' is not allowed)" : "");
        }
        m = m.replace("Duplicate field", "duplicate field");
        m = m.replace("Unexpected character", "unexpected");
        m = m.replace("was expecting", "expected");
        return m.strip();
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*(at )?\\[Source: [^\\]]*\\]");
    private static final Pattern CHAR_CODE_IN_BRACKETS = Pattern.compile("\\('(.)' \\(code [^)]*\\)\\)");
    private static final Pattern CHAR_CODE = Pattern.compile("'(.)' \\(code [^)]*\\)");

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
