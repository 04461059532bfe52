package org.epaworkbench.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpusRecordingWriterTest {
    static final int RATE = 16_000;

    @TempDir
    Path dir;

    @Test
    void writesAStandardOggOpusStreamWithHeadersTagsAndGranulePositions() throws Exception {
        short[] pcm = SpeechLikeAudio.speech(5.55, RATE, 1);
        Path file = Recordings.write(dir.resolve("r.opus"), pcm, RecordingFormat.SPEECH);

        List<OggPages.Page> pages = Recordings.pages(file).pages();
        assertThat(Recordings.pages(file).endsCleanly()).isTrue();
        // OpusHead alone on a first page marked as the beginning, OpusTags alone on the second, both at granule 0
        assertThat(pages.get(0).beginningOfStream()).isTrue();
        assertThat(pages.get(0).lacing()).containsExactly(19);
        assertThat(pages.get(0).granule()).isZero();
        assertThat(pages.get(1).beginningOfStream()).isFalse();
        assertThat(pages.get(1).endsWithWholePacket()).isTrue();
        assertThat(pages.get(1).granule()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 28, 8, StandardCharsets.US_ASCII)).isEqualTo("OpusHead");

        // audio pages: self-contained (no packet crosses a page), one second (50 frames, 48 000 granules) each
        List<OggPages.Page> audio = pages.subList(2, pages.size());
        assertThat(audio).hasSize(6);
        for (int i = 0; i < audio.size(); i++) {
            OggPages.Page p = audio.get(i);
            assertThat(p.continued()).isFalse();
            assertThat(p.endsWithWholePacket()).isTrue();
            assertThat(p.serial()).isEqualTo(pages.get(0).serial());
            assertThat(p.sequence()).isEqualTo(i + 2);
            assertThat(p.endOfStream()).isEqualTo(i == audio.size() - 1);
            if (i < audio.size() - 1) {
                assertThat(p.granule()).isEqualTo(48_000L * (i + 1));
            }
        }
        // the last granule is exact: pre-skip plus every captured sample at 48 kHz (end trimming)
        try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
            assertThat(reader.preSkip()).isEqualTo(312);
            assertThat(audio.get(audio.size() - 1).granule()).isEqualTo(312 + pcm.length * 3L);
            assertThat(reader.durationMillis()).isEqualTo(5550);
            assertThat(reader.sessionId()).isEqualTo("session-42");
            assertThat(reader.vendor()).startsWith("EPA Workbench");
            assertThat(reader.inputSampleRate()).isEqualTo(RATE);
            assertThat(reader.endsCleanly()).isTrue();
        }
    }

    @Test
    void decodesToExactlyTheCapturedLengthWithSoundWhereItWasCaptured() throws Exception {
        // 3 s of silence, a 200 ms tone, 1.8 s of silence: the tone must come back at 3.000 s
        short[] pcm = SpeechLikeAudio.concat(SpeechLikeAudio.silence(3, RATE),
                SpeechLikeAudio.tone(440, 0.2, RATE, 0.5), SpeechLikeAudio.silence(1.8, RATE));
        Path file = Recordings.write(dir.resolve("r.opus"), pcm, RecordingFormat.SPEECH);

        short[] at16k = Recordings.decode(file, 0, 16_000);
        assertThat(at16k).hasSize(pcm.length);
        assertThat(Recordings.onset(at16k, 3000)).isBetween(3 * RATE, 3 * RATE + 48); // within 3 ms
        short[] at48k = Recordings.decode(file, 0, 48_000);
        assertThat(at48k).hasSize(pcm.length * 3);
        assertThat(Recordings.onset(at48k, 3000)).isBetween(3 * 48_000, 3 * 48_000 + 144);
        assertThat(Recordings.rms(at16k, 0, 3 * RATE - 400)).isLessThan(30);
        assertThat(Recordings.rms(at16k, 3 * RATE + 400, 3 * RATE + 2800)).isGreaterThan(10_000);
    }

    @Test
    void speechTakesUnder15MegabytesAnHour() throws Exception {
        short[] pcm = SpeechLikeAudio.speech(30, RATE, 7);
        Path file = Recordings.write(dir.resolve("r.opus"), pcm, RecordingFormat.SPEECH);

        long perHour = Files.size(file) * 120;
        assertThat(perHour).isLessThan(15_000_000L);
        assertThat(perHour).isLessThan(RecordingFormat.SPEECH.bytesPerHourEstimate());
    }

    @Test
    void everyPageOfAudioIsOnDiskBeforeTheNextIsCaptured() throws Exception {
        for (RecordingFormat format : List.of(RecordingFormat.SPEECH, RecordingFormat.SPEECH.withPageMillis(2000))) {
            Path file = dir.resolve("r" + format.pageMillis() + ".opus");
            short[] pcm = SpeechLikeAudio.speech(5, RATE, 3);
            try (OpusRecordingWriter writer = OpusRecordingWriter.create(file, format, "s")) {
                for (int at = 0; at < pcm.length; at += 587) {
                    writer.write(pcm, at, Math.min(587, pcm.length - at));
                    // read the file as a crash would leave it: from disk, by another reader, writer still open
                    try (OpusRecordingReader onDisk = OpusRecordingReader.open(file)) {
                        long lostIfKilledNow = writer.positionMillis() - onDisk.durationMillis();
                        assertThat(lostIfKilledNow).isLessThanOrEqualTo(format.pageMillis() + 20 + 7)
                                .isLessThanOrEqualTo(RecordingFormat.MAX_PAGE_MILLIS + 27);
                        assertThat(onDisk.durationMillis()).isEqualTo(writer.durableMillis());
                    }
                }
            }
        }
    }

    @Test
    void flushPutsWhatIsEncodedOnDiskAtOnceForAPause() throws Exception {
        Path file = dir.resolve("r.opus");
        short[] pcm = SpeechLikeAudio.speech(1.5, RATE, 5);
        try (OpusRecordingWriter writer = OpusRecordingWriter.create(file, RecordingFormat.SPEECH, "s")) {
            writer.write(pcm, 0, pcm.length);
            writer.flush(); // the session pauses: nothing is captured until it resumes
            assertThat(writer.positionMillis()).isEqualTo(1500);
            assertThat(writer.durableMillis()).isEqualTo(1500 - 7); // all but the encoder's 6.5 ms delay
            writer.write(pcm, 0, pcm.length); // resumed: the recording continues where it stopped
            assertThat(writer.positionMillis()).isEqualTo(3000);
        }
        try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
            assertThat(reader.durationMillis()).isEqualTo(3000); // paused time is not in the file
        }
    }

    @Test
    void neverOverwritesAnExistingRecording() throws Exception {
        Path file = Files.writeString(dir.resolve("r.opus"), "earlier");
        assertThatThrownBy(() -> OpusRecordingWriter.create(file, RecordingFormat.SPEECH, "s"))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("earlier");
    }

    @Test
    void a48kHzCaptureWorksToo() throws Exception {
        short[] pcm = SpeechLikeAudio.speech(2.5, 48_000, 9);
        Path file = Recordings.write(dir.resolve("r.opus"), pcm, RecordingFormat.SPEECH.withSampleRate(48_000));
        try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
            assertThat(reader.durationMillis()).isEqualTo(2500);
            assertThat(reader.inputSampleRate()).isEqualTo(48_000);
        }
        assertThat(Recordings.decode(file, 0, 48_000)).hasSize(pcm.length);
    }
}
