package org.epaworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.epaworkbench.grading.CriterionState;
import org.epaworkbench.plan.AttemptKind;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.DurationState;
import org.epaworkbench.session.EventBody;
import org.epaworkbench.session.SessionDetails;
import org.junit.jupiter.api.Test;

/** Every kind of event is stored and read back unchanged (the payload format is exported, so it must round-trip). */
class EventCodecTest {

    static final List<EventBody> EVERY_KIND = List.of(
            new EventBody.SessionPlanned(new SessionDetails("a-1", "highfield-css-l3", "v1", "observation", AttemptKind.RESIT,
                    AssessmentMode.REMOTE_VIDEO, "Teams call", "Driving licence")),
            new EventBody.DetailsRecorded(AssessmentMode.FACE_TO_FACE, "Shop floor", "Passport"),
            new EventBody.Started(),
            new EventBody.Paused("Fire alarm"),
            new EventBody.Resumed(),
            new EventBody.QuestioningStarted(),
            new EventBody.QuestioningStopped(),
            new EventBody.CriterionJudged("S2.3", CriterionState.NOT_ARISEN),
            new EventBody.JudgementCleared("S2.3"),
            new EventBody.NoteAdded(null, "Session note"),
            new EventBody.NoteAdded("S2.3", "Criterion note"),
            new EventBody.EvidenceReferenced("S2.3", "Portfolio item 7"),
            new EventBody.QuestionAsked(3, "How did you measure it?", "bank-3"),
            new EventBody.QuestionAsked(4, "Typed", null),
            new EventBody.FollowUpAsked(4, "Can you explain further?"),
            new EventBody.QuestionClosed(4),
            new EventBody.Ended("Store closed", DurationState.BEFORE_MINIMUM),
            new EventBody.Ended(null, DurationState.IN_WINDOW),
            new EventBody.GapResolved(Duration.ofMinutes(12), Duration.ofSeconds(185), true),
            new EventBody.DeclarationSigned("apprentice", "Priya Shah", "I confirm…", null),
            new EventBody.DeclarationSigned("apprentice", "Priya Shah", "I confirm…", "iVBORw0KGgo=",
                    org.epaworkbench.session.DeclarationWay.DRAWN, null),
            new EventBody.DeclarationSigned("apprentice", "Priya Shah", "I confirm…", null,
                    org.epaworkbench.session.DeclarationWay.EMAIL, "Remote session; replied by email at 14:20"),
            new EventBody.RecordSigned("record.pdf", "ab".repeat(32), "cd".repeat(32)),
            new EventBody.Amended("Misclicked", new EventBody.CriterionJudged("K3.3", CriterionState.MET)),
            new EventBody.Amended("Confirmed later", new EventBody.NoteAdded(null, "Note after the end")),
            new EventBody.Amended("Licence, not passport", new EventBody.DetailsRecorded(AssessmentMode.FACE_TO_FACE,
                    "Returns desk", "UK photocard driving licence")));

    @Test
    void everyKindOfEventRoundTrips() {
        for (EventBody b : EVERY_KIND) {
            assertThat(EventCodec.decode(b.type(), EventCodec.encode(b))).as(b.type()).isEqualTo(b);
        }
    }

    /** The CLI's JSON contract names every event type the log can hold. */
    @Test
    void theJsonContractListsEveryEventType() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "cli-json.md"));
        for (EventBody b : EVERY_KIND) {
            assertThat(doc).as(b.type()).contains("`" + b.type() + "`");
        }
        for (String t : EventBody.TYPES_AFTER_END) {
            assertThat(doc).contains("`" + t + "`");
        }
    }

    @Test
    void aDeclarationRecordedBeforeTheWayWasKeptIsStoredAsBefore() {
        assertThat(EventCodec.encode(new EventBody.DeclarationSigned("apprentice", "Priya Shah", "I confirm…", null)))
                .isEqualTo("{\"role\":\"apprentice\",\"signerName\":\"Priya Shah\",\"statement\":\"I confirm…\","
                        + "\"signaturePngBase64\":null}");
    }

    @Test
    void aClosedQuestionIsStoredByItsNumber() {
        assertThat(EventCodec.encode(new EventBody.QuestionClosed(2))).isEqualTo("{\"questionNumber\":2}");
    }
}
