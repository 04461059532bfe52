package org.epaworkbench.plan;

import java.util.Objects;

/**
 * One Knowledge, Skills or Behaviour statement a source lists for an assessment method, under its standard area heading,
 * verbatim (e.g. 004: "Through advanced questioning, listening and summarising negotiate mutually beneficial outcomes."
 * under "Providing a positive customer experience"). Criteria name the statements they belong beside.
 */
public record KsbRequirement(String id, Kind kind, String area, String text, Citation source) {

    public enum Kind {
        KNOWLEDGE("knowledge", "Knowledge"),
        SKILL("skill", "Skills"),
        BEHAVIOUR("behaviour", "Behaviours");

        private final String word;
        private final String heading;

        Kind(String word, String heading) {
            this.word = word;
            this.heading = heading;
        }

        public String word() {
            return word;
        }

        /** "Knowledge", "Skills", "Behaviours", as the sources head their lists. */
        public String heading() {
            return heading;
        }

        public static Kind fromWord(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("not a kind of KSB: " + word);
        }
    }

    public KsbRequirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }
}
