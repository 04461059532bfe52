package org.epaworkbench.session;

/** How the session is held. */
public enum AssessmentMode {
    FACE_TO_FACE("face_to_face", "Face to face"),
    REMOTE_VIDEO("remote_video", "Remote (video call)");

    private final String word;
    private final String label;

    AssessmentMode(String word, String label) {
        this.word = word;
        this.label = label;
    }

    public String word() {
        return word;
    }

    public String label() {
        return label;
    }

    public static AssessmentMode fromWord(String word) {
        for (AssessmentMode m : values()) {
            if (m.word.equals(word)) {
                return m;
            }
        }
        throw new IllegalArgumentException("not an assessment mode: " + word);
    }
}
