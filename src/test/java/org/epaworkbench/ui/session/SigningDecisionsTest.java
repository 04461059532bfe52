package org.epaworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.packs.PlanPackReader;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.DeclarationWay;
import org.epaworkbench.session.LiveSession;
import org.epaworkbench.session.ManualClock;
import org.epaworkbench.session.SessionDetails;
import org.epaworkbench.session.SessionSettings;
import org.junit.jupiter.api.Test;

/**
 * What signing a record decides, without a screen (issue 14): only an ended session is signed, with a
 * profile; the apprentice declares now face to face; a declaration said to be signed on screen needs a
 * drawing, or another way chosen explicitly with a reason (issue 11 item 1); the assessor's needs a
 * drawing, new or kept.
 */
class SigningDecisionsTest {

    static final AssessmentPlan PLAN = PlanLibrary.builtInPlans(new PlanPackReader()).stream()
            .filter(p -> p.id().equals("highfield-css-l3")).findFirst().orElseThrow();

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));

    LiveSession session(AssessmentMode mode, boolean ended) throws Exception {
        LiveSession live = LiveSession.create("s-1", PLAN, "observation", clock, SessionSettings.DEFAULT);
        live.commit(live.plan(new SessionDetails("a-1", PLAN.id(), PLAN.version(), "observation", AttemptKind.FIRST,
                mode, "Shop floor", "Passport")));
        live.commit(live.start());
        if (ended) {
            live.commit(live.end("the apprentice was unwell"));
        }
        return live;
    }

    /** A complete form: the apprentice signs on screen and has drawn, the assessor has drawn. */
    static SigningDecisions.Form drawnByBoth() {
        return new SigningDecisions.Form(true, "Priya Shah", DeclarationWay.DRAWN, true, "", true, false);
    }

    @Test
    void onlyAnEndedSessionIsSignedAndOnlyWithAProfile() throws Exception {
        assertThat(SigningDecisions.cannotStart(session(AssessmentMode.FACE_TO_FACE, false).snapshot()))
                .contains("End the session before signing its record.");
        assertThat(SigningDecisions.cannotStart(session(AssessmentMode.FACE_TO_FACE, true).snapshot())).isEmpty();
        assertThat(SigningDecisions.withoutProfile(false)).hasValueSatisfying(m -> assertThat(m).contains("assessor profile"));
    }

    @Test
    void aPalDiscussionWithoutRecordingOrExemptionIsStoppedBeforeTheDeclarations() throws Exception {
        // the refusal used to come after the apprentice had signed on screen and the password was typed
        AssessmentPlan pal = PlanLibrary.builtInPlans(new PlanPackReader()).stream()
                .filter(p -> p.id().equals("pal-css-l3")).findFirst().orElseThrow();
        LiveSession live = LiveSession.create("s-2", pal, "professional-discussion", clock, SessionSettings.DEFAULT);
        live.commit(live.plan(new SessionDetails("a-1", pal.id(), pal.version(), "professional-discussion",
                AttemptKind.FIRST, AssessmentMode.FACE_TO_FACE, "Office", "Passport")));
        live.commit(live.start());
        live.commit(live.end("Done"));
        assertThat(SigningDecisions.cannotStart(live.snapshot())).contains("The plan (003) requires this session to be "
                + "recorded, and it has neither a recording nor an agreed exemption. In the Recording panel, Attach a "
                + "recording\u2026 adds one made elsewhere, or Exemption\u2026 records the exemption agreed in advance; then sign.");
        live.commit(live.exemptFromRecording("Agreed at the planning meeting"));
        assertThat(SigningDecisions.cannotStart(live.snapshot())).isEmpty();
        assertThat(SigningDecisions.withoutProfile(true)).isEmpty();
    }

    @Test
    void faceToFaceTheApprenticeSignsOnScreenNowRemotelyTheWayIsChosen() throws Exception {
        var faceToFace = session(AssessmentMode.FACE_TO_FACE, true).snapshot();
        assertThat(SigningDecisions.apprenticeSignsNow(faceToFace)).isTrue();
        assertThat(SigningDecisions.wayAtFirst(faceToFace)).contains(DeclarationWay.DRAWN);
        var remote = session(AssessmentMode.REMOTE_VIDEO, true).snapshot();
        assertThat(SigningDecisions.apprenticeSignsNow(remote)).isFalse();
        assertThat(SigningDecisions.wayAtFirst(remote)).isEmpty();
    }

    @Test
    void anApprenticeWhoHasDeclaredIsNotAskedAgainByDefault() throws Exception {
        LiveSession live = session(AssessmentMode.FACE_TO_FACE, true);
        live.commit(live.declare("apprentice", "Priya Shah", "I declare", "iVBORw0KGgo="));
        assertThat(SigningDecisions.alreadyDeclared(live.snapshot())).isTrue();
        assertThat(SigningDecisions.apprenticeSignsNow(live.snapshot())).isFalse();
    }

    @Test
    void aBlankPadIsRefusedUnlessAnotherWayIsChosenWithAReason() {
        assertThat(SigningDecisions.missing(drawnByBoth())).isEmpty();
        assertThat(SigningDecisions.missing(new SigningDecisions.Form(true, "Priya Shah", DeclarationWay.DRAWN, false, "",
                true, false))).hasValueSatisfying(m -> assertThat(m).startsWith("The apprentice has not signed in the box."));
        assertThat(SigningDecisions.missing(new SigningDecisions.Form(true, "Priya Shah", DeclarationWay.EMAIL, false, "  ",
                true, false))).hasValueSatisfying(m -> assertThat(m).startsWith("Say why the apprentice confirms remotely"));
        assertThat(SigningDecisions.missing(new SigningDecisions.Form(true, "Priya Shah", DeclarationWay.VOICE, false,
                "remote session by video call", true, false))).isEmpty();
        assertThat(SigningDecisions.missing(new SigningDecisions.Form(true, "Priya Shah", null, false, "", true, false)))
                .hasValueSatisfying(m -> assertThat(m).startsWith("Choose how the apprentice makes the declaration"));
        assertThat(SigningDecisions.missing(new SigningDecisions.Form(true, " ", DeclarationWay.DRAWN, true, "", true, false)))
                .contains("Type the apprentice's name.");
    }

    @Test
    void theApprenticeNotDeclaringNowNeedsNothingButTheAssessorAlwaysSigns() {
        assertThat(SigningDecisions.missing(new SigningDecisions.Form(false, "", null, false, "", true, false))).isEmpty();
        assertThat(SigningDecisions.missing(new SigningDecisions.Form(false, "", null, false, "", false, false)))
                .contains("Sign the assessor's declaration in the box.");
        assertThat(SigningDecisions.missing(new SigningDecisions.Form(false, "", null, false, "", false, true)))
                .as("the signature kept from before will do").isEmpty();
    }

    @Test
    void theDeclarationsCarryTheDrawingOnlyOnScreenAndTheReasonOnlyRemotely() {
        byte[] apprentice = {1};
        byte[] assessor = {2};
        byte[] kept = {3};
        var onScreen = SigningDecisions.declarations(new SigningDecisions.Form(true, " Priya Shah ", DeclarationWay.DRAWN, true,
                "ignored", true, true), "Sam Assessor", apprentice, assessor, kept, true);
        assertThat(onScreen.apprenticeName()).isEqualTo("Priya Shah");
        assertThat(onScreen.apprenticePng()).isSameAs(apprentice);
        assertThat(onScreen.apprenticeReason()).isNull();
        assertThat(onScreen.assessorPng()).isSameAs(assessor);
        assertThat(onScreen.saveAssessorSignature()).isTrue();

        var byEmail = SigningDecisions.declarations(new SigningDecisions.Form(true, "Priya Shah", DeclarationWay.EMAIL, false,
                " replied by email at 14:20 ", false, true), "Sam Assessor", null, null, kept, true);
        assertThat(byEmail.apprenticePng()).isNull();
        assertThat(byEmail.apprenticeWay()).isEqualTo(DeclarationWay.EMAIL);
        assertThat(byEmail.apprenticeReason()).isEqualTo("replied by email at 14:20");
        assertThat(byEmail.assessorPng()).as("the kept signature").isSameAs(kept);
        assertThat(byEmail.saveAssessorSignature()).as("nothing new to keep").isFalse();
    }
}
