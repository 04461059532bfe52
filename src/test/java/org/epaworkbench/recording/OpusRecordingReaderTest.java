package org.epaworkbench.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpusRecordingReaderTest {
    static final int RATE = 16_000;

    @TempDir
    Path dir;

    /** Speech, with a loud tone burst at 7.000 s as a landmark. */
    private Path recording() throws Exception {
        short[] pcm = SpeechLikeAudio.concat(SpeechLikeAudio.silence(7, RATE),
                SpeechLikeAudio.tone(1000, 0.3, RATE, 0.6), SpeechLikeAudio.silence(2.7, RATE));
        return Recordings.write(dir.resolve("r.opus"), pcm, RecordingFormat.SPEECH);
    }

    @Test
    void decodesFromAPositionByFindingItsPage() throws Exception {
        Path file = recording();
        try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
            assertThat(reader.durationMillis()).isEqualTo(10_000);
            // ten pages of a second, and the silence that flushes the encoder's delay ends on an eleventh
            assertThat(reader.audioPageCount()).isEqualTo(11);
            for (long from : new long[] {0, 1, 999, 1000, 5000, 6930, 6990}) {
                try (OpusRecordingReader.PcmStream pcm = reader.decodeFrom(from, RATE)) {
                    assertThat(pcm.positionMillis()).isEqualTo(from);
                    short[] decoded = Recordings.readAll(pcm);
                    assertThat(decoded).as("from %d ms", from).hasSize((int) ((10_000 - from) * RATE / 1000));
                    int burst = (int) ((7000 - from) * RATE / 1000);
                    assertThat(Recordings.onset(decoded, 4000)).as("from %d ms", from).isBetween(burst, burst + 48);
                    assertThat(pcm.positionMillis()).isEqualTo(10_000);
                }
            }
        }
    }

    @Test
    void decodingFromTheEndOrBeyondGivesNothing() throws Exception {
        Path file = recording();
        try (OpusRecordingReader reader = OpusRecordingReader.open(file);
                OpusRecordingReader.PcmStream pcm = reader.decodeFrom(60_000)) {
            assertThat(pcm.read(new short[100], 0, 100)).isEqualTo(-1);
        }
    }

    @Test
    void aFileCutByACrashReadsToItsLastWholePage() throws Exception {
        Path file = recording();
        byte[] bytes = Files.readAllBytes(file);
        OggPages.Page eighthSecond = Recordings.pages(file).pages().get(2 + 7);
        int middle = (int) (eighthSecond.offset() + eighthSecond.length() / 2);
        Path cut = Files.write(dir.resolve("cut.opus"), java.util.Arrays.copyOf(bytes, middle));
        try (OpusRecordingReader reader = OpusRecordingReader.open(cut)) {
            assertThat(reader.endsCleanly()).isFalse();
            assertThat(reader.durationMillis()).isEqualTo(7000 - 7); // seven whole pages, less the pre-skip
            assertThat(Recordings.readAll(reader.decodeFrom(0, RATE))).hasSize((7 * 48_000 - 312) / 3);
        }
    }

    @Test
    void somethingElseIsRefusedInPlainWords() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.opus"), "not a recording at all");
        assertThatThrownBy(() -> OpusRecordingReader.open(text)).isInstanceOf(RecordingException.class)
                .hasMessage("The recording notes.opus cannot be played: it does not start with an Opus header.");
        assertThatThrownBy(() -> OpusRecordingReader.open(dir.resolve("gone.opus")))
                .isInstanceOf(RecordingException.class).hasMessageStartingWith("The recording gone.opus is not there");
    }
}
