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
            new EventBody.RecordingConsented("Priya Shah", "I agree to the discussion being recorded."),
            new EventBody.RecordingExempted("Agreed at the planning meeting: reasonable adjustment"),
            new EventBody.RecordingStarted("1.opus", "Opus in Ogg, 16 kHz mono, 24 kbit/s", "Built-in microphone"),
            new EventBody.RecordingPaused("1.opus", 61_020),
            new EventBody.RecordingResumed("1.opus", 61_020),
            new EventBody.RecordingEnded("1.opus", 3_600_000, 9_900_000, "ef".repeat(32)),
            new EventBody.RecordingRepaired("1.opus", "repaired", 1_200_000, 480, 3_300_000, "01".repeat(32),
                    "The recording was cut off and has been repaired: it plays for 20:00."),
            new EventBody.RecordingAttached("call.mp4", "MP4 video", "23".repeat(32), 3_540_000, 210_000_000),
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
    void recordingEventsAreStoredWithTheirUnits() {
        assertThat(EventCodec.encode(new EventBody.RecordingPaused("1.opus", 61_020)))
                .isEqualTo("{\"fileName\":\"1.opus\",\"positionMs\":61020}");
        assertThat(EventCodec.encode(new EventBody.RecordingEnded("1.opus", 5000, 12_000, "ef".repeat(32))))
                .isEqualTo("{\"fileName\":\"1.opus\",\"durationMs\":5000,\"sizeBytes\":12000,\"sha256\":\"" + "ef".repeat(32)
                        + "\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventCodec.decode("recording-ended",
                "{\"fileName\":\"1.opus\",\"durationMs\":\"long\",\"sizeBytes\":1,\"sha256\":\"x\"}"))
                .hasMessageContaining("'durationMs' must be a whole number");
    }

    @Test
    void aClosedQuestionIsStoredByItsNumber() {
        assertThat(EventCodec.encode(new EventBody.QuestionClosed(2))).isEqualTo("{\"questionNumber\":2}");
    }
}
