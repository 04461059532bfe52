package org.epaworkbench.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epaworkbench.recording.RecordingRepair.Outcome;
import org.epaworkbench.recording.RecordingRepair.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingRepairTest {
    static final int RATE = 16_000;

    @TempDir
    Path dir;

    private Path recording(double seconds) throws Exception {
        return Recordings.write(dir.resolve("r.opus"), SpeechLikeAudio.speech(seconds, RATE, 11),
                RecordingFormat.SPEECH);
    }

    @Test
    void aFileCutAtEveryByteOfItsLastPagesIsRepairedAndDecodes() throws Exception {
        Path file = recording(4.3);
        byte[] whole = Files.readAllBytes(file);
        List<OggPages.Page> pages = Recordings.pages(file).pages();
        int firstCutPage = pages.size() - 3;
        Map<Integer, byte[]> repairedByPage = new HashMap<>();

        for (int cut = (int) pages.get(firstCutPage).offset(); cut <= whole.length; cut++) {
            MemoryChannel channel = new MemoryChannel(whole, cut);
            Result result = RecordingRepair.repair(channel);
            if (cut == whole.length) {
                assertThat(result.outcome()).isEqualTo(Outcome.INTACT);
                assertThat(channel.bytes()).isEqualTo(whole);
                continue;
            }
            int torn = pageAt(pages, cut); // the page the cut falls in (or starts, when the cut is on a boundary)
            OggPages.Page kept = pages.get(torn - 1);
            OggPages.Page lostPage = pages.get(torn);
            assertThat(result.outcome()).as("cut at %d", cut).isEqualTo(Outcome.REPAIRED);
            assertThat(result.keptBytes()).isEqualTo(kept.end());
            assertThat(result.droppedBytes()).isEqualTo(cut - lostPage.offset());
            assertThat(result.keptMillis()).isEqualTo((kept.granule() - 312) / 48);
            boolean headerSurvived = cut - lostPage.offset() >= OggPages.HEADER;
            assertThat(result.lostMillis()).as("cut at %d", cut)
                    .isEqualTo(headerSurvived ? (lostPage.granule() - kept.granule()) / 48 : -1);
            // every cut inside one page gives the same repaired file: the pages before it, the last one ended
            byte[] repaired = channel.bytes();
            byte[] same = repairedByPage.putIfAbsent(torn, repaired);
            if (same != null) {
                assertThat(repaired).isEqualTo(same);
            }
        }
        assertThat(repairedByPage).hasSize(3);
        for (Map.Entry<Integer, byte[]> e : repairedByPage.entrySet()) {
            OggPages.Page kept = pages.get(e.getKey() - 1);
            Path repaired = Files.write(dir.resolve("repaired-" + e.getKey() + ".opus"), e.getValue());
            try (OpusRecordingReader reader = OpusRecordingReader.open(repaired)) {
                assertThat(reader.endsCleanly()).isTrue();
                assertThat(reader.durationGranules()).isEqualTo(kept.granule() - 312);
            }
            assertThat(Recordings.decode(repaired, 0, RATE)).hasSize((int) (kept.granule() - 312) / 3);
            // and a repaired file needs no more repair
            assertThat(RecordingRepair.repair(repaired).outcome()).isEqualTo(Outcome.INTACT);
        }
    }

    private static int pageAt(List<OggPages.Page> pages, long offset) {
        for (int i = 0; i < pages.size(); i++) {
            if (offset < pages.get(i).end()) {
                return i;
            }
        }
        throw new AssertionError("past the end");
    }

    @Test
    void aFileOnDiskCutMidPageIsRepairedInPlaceAndSaysWhatItKept() throws Exception {
        Path file = recording(9.5);
        OggPages.Page seventh = Recordings.pages(file).pages().get(2 + 6);
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(seventh.offset() + 100);
        }
        Result result = RecordingRepair.repair(file);

        assertThat(result.outcome()).isEqualTo(Outcome.REPAIRED);
        assertThat(result.keptMillis()).isEqualTo(5993);
        assertThat(result.lostMillis()).isEqualTo(1000);
        assertThat(result.describe()).isEqualTo(
                "The recording was cut off and has been repaired: it plays for 5 s; about 1 s at the end could not be saved.");
        assertThat(Files.size(file)).isEqualTo(seventh.offset());
        try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
            assertThat(reader.endsCleanly()).isTrue();
            assertThat(reader.durationMillis()).isEqualTo(5993);
        }
    }

    @Test
    void zerosAfterTheLastPageAsAPowerCutCanLeaveAreCut() throws Exception {
        Path file = recording(3);
        List<OggPages.Page> pages = Recordings.pages(file).pages();
        byte[] bytes = Files.readAllBytes(file);
        OggPages.Page lastWritten = pages.get(pages.size() - 2); // the writer had not closed the file
        byte[] crashed = Arrays.copyOf(Arrays.copyOf(bytes, (int) lastWritten.end()), (int) lastWritten.end() + 4096);
        Files.write(file, crashed);

        Result result = RecordingRepair.repair(file);
        assertThat(result.outcome()).isEqualTo(Outcome.REPAIRED);
        assertThat(result.droppedBytes()).isEqualTo(4096);
        assertThat(result.lostMillis()).isEqualTo(-1);
        // whole seconds played, as the recording panel counts them (it shows 0:02 for the 2.9 s kept), not rounded up
        assertThat(result.keptMillis()).isBetween(2000L, 2999L);
        assertThat(result.describe()).isEqualTo("The recording was cut off and has been repaired: it plays for 2 s.");
        assertThat(RecordingRepair.repair(file).outcome()).isEqualTo(Outcome.INTACT);
    }

    @Test
    void aFileDamagedBeforeItsEndIsLeftAsItWas() throws Exception {
        Path file = recording(5);
        OggPages.Page third = Recordings.pages(file).pages().get(4);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) third.offset() + 40] ^= 0x5a;
        Files.write(file, bytes);

        Result result = RecordingRepair.repair(file);
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_REPAIRABLE);
        assertThat(result.describe()).isEqualTo("The recording could not be repaired: it is damaged before its end,"
                + " which a crash does not do. It has been left as it was.");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void tornHeadersOrAnotherFileAreLeftAsTheyWere() throws Exception {
        byte[] bytes = Files.readAllBytes(recording(2));
        Path torn = Files.write(dir.resolve("torn.opus"), Arrays.copyOf(bytes, 40));
        assertThat(RecordingRepair.repair(torn).outcome()).isEqualTo(Outcome.NOT_REPAIRABLE);
        assertThat(Files.readAllBytes(torn)).isEqualTo(Arrays.copyOf(bytes, 40));

        Path text = Files.writeString(dir.resolve("text.opus"), "hello");
        assertThat(RecordingRepair.repair(text).describe()).isEqualTo("The recording could not be repaired:"
                + " it does not start with a whole Opus header. It has been left as it was.");
    }

    @Test
    void aCrashBeforeAnySoundWasSavedLeavesAnEndedEmptyRecording() throws Exception {
        Path file = recording(2);
        OggPages.Page tags = Recordings.pages(file).pages().get(1);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) tags.end() + 10));

        Result result = RecordingRepair.repair(file);
        assertThat(result.outcome()).isEqualTo(Outcome.NO_AUDIO);
        assertThat(result.describe()).isEqualTo("The recording was cut off before any sound was saved.");
        try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
            assertThat(reader.durationMillis()).isZero();
            assertThat(reader.endsCleanly()).isTrue();
        }
    }
}
