package org.epaworkbench.assessment;

import java.util.Locale;

/** Where an apprentice's EPA stands. */
public enum ApprenticeStatus {
    AT_GATEWAY("At gateway", "at-gateway"),
    IN_EPA("In EPA", "in-epa"),
    RESIT_DUE("Resit or retake due", "resit-due"),
    AWAITING_RESULT("Awaiting result", "awaiting-result"),
    COMPLETE("Complete", "complete");

    private final String label;
    private final String word;

    ApprenticeStatus(String label, String word) {
        this.label = label;
        this.word = word;
    }

    public String label() {
        return label;
    }

    /** How the command line writes it: "resit-due". */
    public String word() {
        return word;
    }

    public static java.util.Optional<ApprenticeStatus> ofWord(String word) {
        for (ApprenticeStatus s : values()) {
            if (s.word.equals(word.toLowerCase(Locale.ROOT))) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * At gateway until a gateway date is recorded, with English and maths achieved where the plan asks for them;
     * then a resit or retake is due while any component's latest attempt failed; in EPA until every component has
     * an ended session; awaiting result until the overall result is signed; then complete.
     */
    public static ApprenticeStatus of(GatewayRecord g, boolean englishAndMathsRequired, boolean everyComponentEnded,
            boolean reassessmentDue, boolean overallSigned) {
        if (overallSigned) {
            return COMPLETE;
        }
        if (g.gatewayDate() == null || englishAndMathsRequired && (!g.english().achieved() || !g.maths().achieved())) {
            return AT_GATEWAY;
        }
        if (reassessmentDue) {
            return RESIT_DUE;
        }
        return everyComponentEnded ? AWAITING_RESULT : IN_EPA;
    }
}
