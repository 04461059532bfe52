package org.epaworkbench.record;

/** Builds XHTML for the PDF renderer: text is always escaped. */
final class Html {
    private final StringBuilder out = new StringBuilder(16_384);

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\n' -> s.append("<br/>");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /** Raw markup (tags written by this package only). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** {@code <tag class="..">text</tag>} with the text escaped. */
    Html el(String tag, String cssClass, String text) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** Criterion codes separated by commas; a line may break between codes but never inside one. */
    static String codes(java.util.List<String> codes) {
        // the comma goes inside the unbreakable part, so that a line never starts with one
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
            s.append(i == 0 ? "" : " ").append("<span class=\"code-name\">").append(escape(codes.get(i)))
                    .append(i < codes.size() - 1 ? "," : "").append("</span>");
        }
        return s.toString();
    }

    /** {@code text} escaped, with each of the criterion {@code codes} in it kept whole on one line. */
    static String withCodes(String text, java.util.Collection<String> codes) {
        if (text == null || codes.isEmpty()) {
            return escape(text);
        }
        // longest first, so that "S2.10" is not taken for "S2.1" followed by "0"
        String alternatives = codes.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining("|"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\p{Alnum}.])(" + alternatives + ")(?![\\p{Alnum}])")
                .matcher(text);
        StringBuilder s = new StringBuilder();
        int last = 0;
        while (m.find()) {
            s.append(escape(text.substring(last, m.start()))).append("<span class=\"code-name\">").append(escape(m.group(1)))
                    .append("</span>");
            last = m.end();
        }
        return s.append(escape(text.substring(last))).toString();
    }

    /** A two-column row of a facts table whose value is markup built by this package. */
    Html factMarkup(String name, String valueMarkup) {
        return raw("<tr><th>").text(name).raw("</th><td>").raw(valueMarkup).raw("</td></tr>");
    }

    /** A two-column row of a facts table. */
    Html fact(String name, String value) {
        return raw("<tr><th>").text(name).raw("</th><td>").text(value == null || value.isBlank() ? "—" : value)
                .raw("</td></tr>");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
