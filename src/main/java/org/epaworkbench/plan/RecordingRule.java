package org.epaworkbench.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a component's sessions are recorded, face to face and remote, as its plan says: PAL (003) requires a
 * digital recording of the professional discussion and of the presentation and interview, and the video call of a
 * remote one; Highfield (002) tells the apprentice "some footage may be recorded". Each mode carries its citation;
 * {@code exemption}, where the source says how an exemption is agreed, cites that.
 *
 * @param exemption how an exemption from a required recording is agreed, in the source's words; null where it says none
 */
public record RecordingRule(ModeRule faceToFace, ModeRule remote, Citation exemption) {

    /** What the plan asks of one way of holding the session. */
    public enum Requirement {
        /** A recording, or an exemption agreed with its reason, before the record is complete. */
        REQUIRED("required", "Recording required"),
        /** The assessor may record, with the apprentice's consent. */
        OPTIONAL("optional", "Recording optional"),
        /** The app does not record this session. */
        NOT_USED("notUsed", "Not recorded");

        private final String word;
        private final String label;

        Requirement(String word, String label) {
            this.word = word;
            this.label = label;
        }

        /** As a plan pack writes it: {@code required}, {@code optional}, {@code notUsed}. */
        public String word() {
            return word;
        }

        public String label() {
            return label;
        }

        public static Requirement fromWord(String word) {
            for (Requirement r : values()) {
                if (r.word.equals(word)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("not a recording rule: " + word + " (required, optional or notUsed)");
        }
    }

    /**
     * The rule for one way of holding the session, with its source; {@code source} is null only for a plan that
     * says nothing about recording ({@link #UNSTATED}).
     */
    public record ModeRule(Requirement requirement, Citation source) {
        public ModeRule {
            Objects.requireNonNull(requirement, "requirement");
        }

        public boolean required() {
            return requirement == Requirement.REQUIRED;
        }

        public Optional<Citation> citation() {
            return Optional.ofNullable(source);
        }
    }

    /** A component whose plan says nothing about recording: the assessor may record, nothing is required. */
    public static final RecordingRule UNSTATED = new RecordingRule(new ModeRule(Requirement.OPTIONAL, null),
            new ModeRule(Requirement.OPTIONAL, null), null);

    public RecordingRule {
        Objects.requireNonNull(faceToFace, "faceToFace");
        Objects.requireNonNull(remote, "remote");
    }

    /** The rule for a session held remotely ({@code remote} true) or face to face. */
    public ModeRule when(boolean remoteSession) {
        return remoteSession ? remote : faceToFace;
    }

    public Optional<Citation> exemptionSource() {
        return Optional.ofNullable(exemption);
    }

    /** Whether either way of holding the session requires a recording. */
    public boolean requiredAnywhere() {
        return faceToFace.required() || remote.required();
    }
}
