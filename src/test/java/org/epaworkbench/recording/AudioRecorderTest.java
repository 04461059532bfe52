package org.epaworkbench.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioRecorderTest {
    static final int RATE = 16_000;

    @TempDir
    Path dir;

    final AtomicLong clock = new AtomicLong(1_000_000);
    final List<String> events = new ArrayList<>();
    final List<LevelMeter.Level> levels = new ArrayList<>();
    AudioRecorder recorder;

    final AudioRecorder.Listener listener = new AudioRecorder.Listener() {
        @Override
        public void level(LevelMeter.Level level) {
            levels.add(level);
        }

        @Override
        public void silence(long sinceMillis) {
            events.add("silent since " + sinceMillis + " (at " + recorder.positionMillis() + ")");
        }

        @Override
        public void soundBack(long atMillis) {
            events.add("sound back at " + atMillis);
        }

        @Override
        public void deviceLost(long atMillis, String message) {
            events.add("lost at " + atMillis + ": " + message);
        }

        @Override
        public void writeFailed(long atMillis, String message) {
            events.add("write failed at " + atMillis + ": " + message);
        }

        @Override
        public void diskSpaceLow(DiskSpaceCheck.Space space) {
            events.add("disk low: " + space.describe());
        }
    };

    private AudioRecorder recorder(AudioInput input, long usableBytes) throws Exception {
        OpusRecordingWriter writer = OpusRecordingWriter.create(dir.resolve("r.opus"), RecordingFormat.SPEECH, "s-1");
        recorder = new AudioRecorder(input, writer, listener, new DirectExecutor(),
                new DiskSpaceCheck(folder -> usableBytes, RecordingFormat.SPEECH),
                SilenceWatch.standard(), clock::get);
        return recorder;
    }

    private static void captureUntil(AudioRecorder r, PcmAudioInput input, long samples) {
        while (input.position() < samples) {
            assertThat(r.captureOnce()).isTrue();
        }
    }

    @Test
    void recordsTheInputWithALevelEvery100Milliseconds() throws Exception {
        short[] pcm = SpeechLikeAudio.speech(6, RATE, 2);
        PcmAudioInput input = new PcmAudioInput(pcm, RATE, "Test", 357); // an odd read size
        AudioRecorder r = recorder(input, Long.MAX_VALUE);
        r.begin();
        captureUntil(r, input, pcm.length);
        assertThat(r.positionMillis()).isEqualTo(6000);
        r.stop();

        assertThat(levels).hasSize(60);
        assertThat(levels.get(0).atMillis()).isEqualTo(100);
        assertThat(levels.get(59).atMillis()).isEqualTo(6000);
        assertThat(levels).allSatisfy(l -> assertThat(l.peakDbfs()).isBetween(-80.0, 0.0));
        assertThat(events).isEmpty();
        try (OpusRecordingReader reader = OpusRecordingReader.open(dir.resolve("r.opus"))) {
            assertThat(reader.durationMillis()).isEqualTo(6000);
            assertThat(reader.endsCleanly()).isTrue();
            assertThat(reader.sessionId()).isEqualTo("s-1");
        }
    }

    @Test
    void pausedTimeIsNotRecordedAndThePositionCarriesOn() throws Exception {
        short[] pcm = SpeechLikeAudio.speech(5, RATE, 4);
        PcmAudioInput input = PcmAudioInput.of(pcm, RATE);
        AudioRecorder r = recorder(input, Long.MAX_VALUE);
        r.begin();
        captureUntil(r, input, 2 * RATE);
        r.pause();
        assertThat(r.positionMillis()).isEqualTo(2000);
        assertThat(r.durableMillis()).isEqualTo(2000 - 7); // forced to disk at the pause
        for (int i = 0; i < 50; i++) {
            assertThat(r.captureOnce()).isTrue(); // paused: nothing read, nothing written
        }
        assertThat(input.position()).isEqualTo(2 * RATE);
        r.resume();
        captureUntil(r, input, pcm.length);
        assertThat(r.positionMillis()).isEqualTo(5000);
        r.stop();
        try (OpusRecordingReader reader = OpusRecordingReader.open(dir.resolve("r.opus"))) {
            assertThat(reader.durationMillis()).isEqualTo(5000);
        }
    }

    @Test
    void warnsOnceAfter20SecondsOfSilenceCountedInSamplesAndWhenSoundReturns() throws Exception {
        short[] pcm = SpeechLikeAudio.concat(SpeechLikeAudio.speech(3, RATE, 5), SpeechLikeAudio.silence(25, RATE),
                SpeechLikeAudio.speech(2, RATE, 6));
        PcmAudioInput input = PcmAudioInput.of(pcm, RATE);
        AudioRecorder r = recorder(input, Long.MAX_VALUE);
        r.begin();
        captureUntil(r, input, pcm.length);
        r.stop();

        assertThat(events).hasSize(2);
        // the generated speech ends in a gap of its own, so the silence starts a little before 3 s
        long since = Long.parseLong(events.get(0).replaceAll("silent since (\\d+) .*", "$1"));
        assertThat(since).isBetween(2000L, 3000L);
        assertThat(events.get(0)).endsWith("(at " + (since + 20_000) + ")");
        assertThat(events.get(1)).isEqualTo("sound back at 28000");
    }

    @Test
    void aDeviceThatStopsGivingSoundIsReportedOnceAndTheRecordingIsKept() throws Exception {
        for (boolean withException : new boolean[] {false, true}) {
            events.clear();
            Path file = dir.resolve("lost-" + withException + ".opus");
            short[] pcm = SpeechLikeAudio.speech(6, RATE, 8);
            PcmAudioInput input = PcmAudioInput.of(pcm, RATE).named("USB headset").loseDeviceAfter(3 * RATE,
                    withException);
            OpusRecordingWriter writer = OpusRecordingWriter.create(file, RecordingFormat.SPEECH, "s");
            recorder = new AudioRecorder(input, writer, listener, new DirectExecutor(),
                    new DiskSpaceCheck(f -> Long.MAX_VALUE, RecordingFormat.SPEECH), SilenceWatch.standard(),
                    clock::get);
            recorder.begin();
            while (recorder.captureOnce()) {
                // capture until the device goes
            }
            assertThat(recorder.captureOnce()).isFalse();
            recorder.checkDevice();
            assertThat(events).containsExactly("lost at 3000: No sound is coming from \u201cUSB headset\u201d"
                    + " (unplugged or switched off?). The recording is kept up to 3 s.");
            assertThat(recorder.durableMillis()).isEqualTo(3000 - 7);
            recorder.stop();
            try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
                assertThat(reader.durationMillis()).isEqualTo(3000);
            }
        }
    }

    @Test
    void aDeviceThatFallsQuietWithoutAnErrorIsReportedAfterThreeSecondsByTheClock() throws Exception {
        short[] pcm = SpeechLikeAudio.speech(2, RATE, 8);
        PcmAudioInput input = PcmAudioInput.of(pcm, RATE);
        AudioRecorder r = recorder(input, Long.MAX_VALUE);
        r.begin();
        captureUntil(r, input, RATE);
        // the driver now blocks in read and never returns: the session's tick checks the device
        clock.addAndGet(AudioRecorder.STALL_MILLIS - 1);
        r.checkDevice();
        assertThat(events).isEmpty();
        clock.addAndGet(1);
        r.checkDevice();
        r.checkDevice();
        assertThat(events).hasSize(1).first().asString().startsWith("lost at 1000: No sound is coming from");
        r.stop();
    }

    @Test
    void pausedForLongIsNotADeviceLost() throws Exception {
        PcmAudioInput input = PcmAudioInput.of(SpeechLikeAudio.speech(2, RATE, 8), RATE);
        AudioRecorder r = recorder(input, Long.MAX_VALUE);
        r.begin();
        captureUntil(r, input, RATE);
        r.pause();
        clock.addAndGet(600_000);
        r.checkDevice();
        r.resume();
        r.checkDevice();
        assertThat(events).isEmpty();
        r.stop();
    }

    @Test
    void warnsOnceWhenLessThanAnHourOfDiskIsLeft() throws Exception {
        short[] pcm = SpeechLikeAudio.speech(1, RATE, 8);
        PcmAudioInput input = PcmAudioInput.of(pcm, RATE);
        AudioRecorder r = recorder(input, 12_000_000);
        r.begin();
        captureUntil(r, input, pcm.length);
        r.stop();
        assertThat(events).containsExactly("disk low: Disk space is low: room for about 49 min of recording.");
    }

    @Test
    void onItsOwnThreadsItRecordsUntilTheSoundEndsAndClosesTheFile() throws Exception {
        short[] pcm = SpeechLikeAudio.speech(4, RATE, 12);
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        AudioRecorder r = AudioRecorder.create(PcmAudioInput.of(pcm, RATE), dir.resolve("t.opus"),
                RecordingFormat.SPEECH, "threads", new AudioRecorder.Listener() {
                    @Override
                    public void deviceLost(long atMillis, String message) {
                        ended.countDown(); // the generated sound has run out
                    }
                });
        r.start();
        assertThat(ended.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(r.positionMillis()).isEqualTo(4000);
        r.stop();
        try (OpusRecordingReader reader = OpusRecordingReader.open(dir.resolve("t.opus"))) {
            assertThat(reader.durationMillis()).isEqualTo(4000);
            assertThat(reader.endsCleanly()).isTrue();
        }
    }
}
