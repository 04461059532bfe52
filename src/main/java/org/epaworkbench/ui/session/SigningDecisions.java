package org.epaworkbench.ui.session;

import java.util.Optional;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.DeclarationWay;
import org.epaworkbench.session.LiveSnapshot;

/**
 * What signing a session's record decides before anything is recorded (issue 11 item 1, issue 14): a
 * record is signed only once the session has ended and there is an assessor profile to name; the
 * apprentice declares now by default face to face, on screen; a declaration said to be signed on screen
 * carries a drawn signature, or the assessor chooses another way explicitly (remote, by email or voice)
 * with a reason that goes on the record; the assessor's declaration carries a drawn signature, new or
 * the one kept. No JavaFX: the declarations dialog asks these and tests answer them directly.
 */
public final class SigningDecisions {

    /** What the declarations dialog holds when the assessor presses "Record declarations and sign…". */
    public record Form(boolean apprenticeSigns, String apprenticeName, DeclarationWay way, boolean apprenticeDrew,
            String remoteReason, boolean assessorDrew, boolean signatureKept) {
    }

    /** The declarations to record: whether and how the apprentice declares now, and the assessor's signature. */
    public record Declarations(boolean apprenticeSigns, String apprenticeName, byte[] apprenticePng,
            DeclarationWay apprenticeWay, String apprenticeReason, String assessorName, byte[] assessorPng,
            boolean saveAssessorSignature) {
    }

    private SigningDecisions() {
    }

    /** Why signing cannot start now, in the assessor's words; empty when it can. */
    public static Optional<String> cannotStart(LiveSnapshot snapshot) {
        if (!snapshot.state().ended()) {
            return Optional.of("End the session before signing its record.");
        }
        // before the declarations: the apprentice would sign on screen for a record that is then refused
        if (!snapshot.state().recordingRequirementMet(snapshot.component())) {
            String source = snapshot.state().recordingRule(snapshot.component()).citation()
                    .map(c -> " (" + c.ref() + ")").orElse("");
            String attach = snapshot.state().remote() ? "Attach the call's recording\u2026" : "Attach a recording\u2026";
            return Optional.of("The plan" + source + " requires this session to be recorded, and it has neither a recording "
                    + "nor an agreed exemption. In the Recording panel, " + attach + " adds one made elsewhere, or "
                    + "Exemption\u2026 records the exemption agreed in advance; then sign.");
        }
        return Optional.empty();
    }

    /** Why signing cannot go on without an assessor profile; empty when there is one. */
    public static Optional<String> withoutProfile(boolean profileSet) {
        return profileSet ? Optional.empty() : Optional.of("Set up your assessor profile first (Assessor, in the top bar): "
                + "the signing certificate names you.");
    }

    /** Whether the apprentice declares now, unless the assessor says otherwise: face to face, when not already declared. */
    public static boolean apprenticeSignsNow(LiveSnapshot snapshot) {
        return !alreadyDeclared(snapshot) && faceToFace(snapshot);
    }

    /** Whether the apprentice's declaration is already in the session (made before). */
    public static boolean alreadyDeclared(LiveSnapshot snapshot) {
        return snapshot.state().declaration("apprentice").isPresent();
    }

    /** The way chosen before the assessor chooses: on this screen face to face; none (to be chosen) remotely. */
    public static Optional<DeclarationWay> wayAtFirst(LiveSnapshot snapshot) {
        return faceToFace(snapshot) ? Optional.of(DeclarationWay.DRAWN) : Optional.empty();
    }

    private static boolean faceToFace(LiveSnapshot snapshot) {
        return snapshot.state().details().mode() == AssessmentMode.FACE_TO_FACE;
    }

    /** What is still missing from the form, in the assessor's words; empty when the declarations can be recorded. */
    public static Optional<String> missing(Form f) {
        if (f.apprenticeSigns()) {
            if (f.apprenticeName() == null || f.apprenticeName().isBlank()) {
                return Optional.of("Type the apprentice's name.");
            }
            if (f.way() == null) {
                return Optional.of("Choose how the apprentice makes the declaration: signing on this screen, or remotely by "
                        + "email or voice.");
            }
            if (f.way() == DeclarationWay.DRAWN && !f.apprenticeDrew()) {
                return Optional.of("The apprentice has not signed in the box. Ask them to sign, or choose how they confirm it "
                        + "remotely and say why.");
            }
            if (f.way().remote() && (f.remoteReason() == null || f.remoteReason().isBlank())) {
                return Optional.of("Say why the apprentice confirms remotely rather than on this screen: the reason goes on "
                        + "the record.");
            }
        }
        if (!f.assessorDrew() && !f.signatureKept()) {
            return Optional.of("Sign the assessor's declaration in the box.");
        }
        return Optional.empty();
    }

    /**
     * The declarations to record from a complete form: the apprentice's drawing only when signed on
     * screen, the reason only when remote; the assessor's new drawing, or the one kept; the new drawing
     * kept for next time when the assessor asks.
     */
    public static Declarations declarations(Form f, String assessorName, byte[] apprenticePng, byte[] assessorPng,
            byte[] keptSignature, boolean keepNewSignature) {
        DeclarationWay way = f.way() == null ? DeclarationWay.DRAWN : f.way();
        return new Declarations(f.apprenticeSigns(), f.apprenticeName() == null ? "" : f.apprenticeName().strip(),
                way == DeclarationWay.DRAWN ? apprenticePng : null, way,
                way.remote() ? (f.remoteReason() == null ? "" : f.remoteReason().strip()) : null, assessorName,
                f.assessorDrew() ? assessorPng : keptSignature, keepNewSignature && f.assessorDrew());
    }
}
