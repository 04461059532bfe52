package org.epaworkbench.epa;

/** Where an apprentice's EPA stands. */
public enum ApprenticeStatus {
    AT_GATEWAY("At gateway"),
    IN_EPA("In EPA"),
    AWAITING_RESULT("Awaiting result"),
    COMPLETE("Complete");

    private final String label;

    ApprenticeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * At gateway until a gateway date is recorded with English and maths achieved; in EPA until every
     * component has an ended session; awaiting result until the overall result is signed; then complete.
     */
    public static ApprenticeStatus of(GatewayRecord g, boolean everyComponentEnded, boolean overallSigned) {
        if (overallSigned) {
            return COMPLETE;
        }
        if (g.gatewayDate() == null || !g.english().achieved() || !g.maths().achieved()) {
            return AT_GATEWAY;
        }
        return everyComponentEnded ? AWAITING_RESULT : IN_EPA;
    }
}
