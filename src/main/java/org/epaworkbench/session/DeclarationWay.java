package org.epaworkbench.session;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a declaration was made. On screen it carries a drawn signature; in a remote session the apprentice
 * may confirm it another way (by email, or by voice on a call, as PAL's gateway form allows), which the
 * assessor chooses explicitly and records with a reason.
 */
public enum DeclarationWay {
    DRAWN("drawn", "signed on this screen with a drawn signature"),
    EMAIL("email", "confirmed remotely by email, not signed on screen"),
    VOICE("voice", "confirmed remotely by voice (phone or video call), not signed on screen");

    private final String word;
    private final String description;

    DeclarationWay(String word, String description) {
        this.word = word;
        this.description = description;
    }

    /** As stored in the event: drawn, email or voice. */
    public String word() {
        return word;
    }

    /** In a sentence: "signed on this screen with a drawn signature". */
    public String description() {
        return description;
    }

    public boolean remote() {
        return this != DRAWN;
    }

    public static Optional<DeclarationWay> ofWord(String word) {
        return Arrays.stream(values()).filter(w -> w.word.equals(word)).findFirst();
    }
}
