package org.epaworkbench.report;

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
