package org.epaworkbench.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeterAndWatchesTest {
    static final int RATE = 16_000;

    @TempDir
    Path dir;

    private static List<LevelMeter.Level> measure(short[] pcm, int chunk) {
        LevelMeter meter = new LevelMeter(RATE);
        List<LevelMeter.Level> out = new ArrayList<>();
        for (int at = 0; at < pcm.length; at += chunk) {
            meter.accept(pcm, at, Math.min(chunk, pcm.length - at), out::add);
        }
        return out;
    }

    @Test
    void peakAndRmsInDbfsPerBlockOf100Milliseconds() {
        List<LevelMeter.Level> full = measure(SpeechLikeAudio.tone(1000, 1, RATE, 1.0), 333);
        assertThat(full).hasSize(10);
        assertThat(full.get(0).atMillis()).isEqualTo(100);
        assertThat(full.get(9).atMillis()).isEqualTo(1000);
        assertThat(full.get(3).peakDbfs()).isCloseTo(0.0, within(0.01));
        assertThat(full.get(3).rmsDbfs()).isCloseTo(-3.01, within(0.02));
        assertThat(full.get(3).clipping()).isTrue();

        List<LevelMeter.Level> half = measure(SpeechLikeAudio.tone(1000, 0.25, RATE, 0.5), 1000);
        assertThat(half).hasSize(2); // the last 50 ms is not a whole block yet
        assertThat(half.get(1).peakDbfs()).isCloseTo(-6.02, within(0.02));
        assertThat(half.get(1).rmsDbfs()).isCloseTo(-9.03, within(0.02));
        assertThat(half.get(1).clipping()).isFalse();

        List<LevelMeter.Level> silent = measure(SpeechLikeAudio.silence(0.1, RATE), 160);
        assertThat(silent.get(0).peakDbfs()).isEqualTo(LevelMeter.FLOOR_DBFS);
        assertThat(silent.get(0).rmsDbfs()).isEqualTo(LevelMeter.FLOOR_DBFS);
    }

    @Test
    void silenceIsWarnedAfterTwentySecondsOfSilentBlocksAndSoundResetsIt() {
        SilenceWatch watch = SilenceWatch.standard();
        LevelMeter.Level quiet = new LevelMeter.Level(0, -70, -75);
        LevelMeter.Level speech = new LevelMeter.Level(0, -10, -25);
        for (int i = 0; i < 150; i++) {
            assertThat(watch.accept(at(quiet, i))).isEqualTo(SilenceWatch.Change.NONE);
        }
        assertThat(watch.accept(at(speech, 150))).isEqualTo(SilenceWatch.Change.NONE); // 15 s: no warning, reset
        for (int i = 151; i < 350; i++) {
            assertThat(watch.accept(at(quiet, i))).as("block %d", i).isEqualTo(SilenceWatch.Change.NONE);
        }
        assertThat(watch.accept(at(quiet, 350))).isEqualTo(SilenceWatch.Change.SILENT);
        assertThat(watch.silentSinceMillis()).isEqualTo(15_100);
        assertThat(watch.accept(at(quiet, 351))).isEqualTo(SilenceWatch.Change.NONE); // warned once
        assertThat(watch.accept(at(speech, 352))).isEqualTo(SilenceWatch.Change.SOUND_BACK);
        assertThat(watch.silentSinceMillis()).isEqualTo(-1);
    }

    private static LevelMeter.Level at(LevelMeter.Level l, int block) {
        return new LevelMeter.Level((block + 1) * 100L, l.peakDbfs(), l.rmsDbfs());
    }

    @Test
    void diskSpaceIsCountedInHoursOfRecordingAtTheBitrate() throws Exception {
        RecordingFormat f = RecordingFormat.SPEECH;
        long hour = f.bytesPerHourEstimate();
        assertThat(hour).isBetween(11_000_000L, 15_000_000L);
        assertThat(new DiskSpaceCheck(d -> 100 * hour, f).check(dir).describe())
                .isEqualTo("Room for more than 10 hours of recording.");
        DiskSpaceCheck.Space twoHours = new DiskSpaceCheck(d -> 2 * hour + hour / 2, f).check(dir);
        assertThat(twoHours.low()).isFalse();
        assertThat(twoHours.describe()).isEqualTo("Room for 2 h 30 min of recording.");
        DiskSpaceCheck.Space low = new DiskSpaceCheck(d -> hour - 1, f).check(dir);
        assertThat(low.low()).isTrue();
        assertThat(low.full()).isFalse();
        assertThat(low.describe()).isEqualTo("Disk space is low: room for about 59 min of recording.");
        assertThat(new DiskSpaceCheck(d -> hour / 120, f).check(dir).describe())
                .isEqualTo("The disk is full: there is no room to record. Free some space first.");
        assertThatThrownBy(() -> new DiskSpaceCheck(d -> {
            throw new IOException("EIO");
        }, f).check(dir)).isInstanceOf(RecordingException.class).hasMessageNotContaining("EIO");
    }

    @Test
    void theRealDiskIsMeasuredEvenForAFolderNotYetMade() throws Exception {
        DiskSpaceCheck.Space space = DiskSpaceCheck.of(RecordingFormat.SPEECH).check(dir.resolve("a/b/c"));
        assertThat(space.usableBytes()).isPositive();
    }

    @Test
    void javaSoundListsDevicesAndRefusesInPlainWordsWhenThereIsNoMicrophone() {
        assertThat(JavaSoundInput.devices()).isNotNull();
        try (JavaSoundInput input = JavaSoundInput.open(null, RATE)) {
            assertThat(input.sampleRate()).isIn(RATE, 48_000); // a machine with a microphone
        } catch (RecordingException e) {
            assertThat(e.getMessage()).matches("(No microphone was found|Cannot use the default microphone).*");
        }
    }

    @Test
    void aWavFileCanStandInForTheMicrophone() throws Exception {
        short[] pcm = SpeechLikeAudio.speech(0.5, RATE, 1);
        Path wav = SpeechLikeAudio.writeWav(pcm, RATE, dir.resolve("in.wav"));
        PcmAudioInput input = PcmAudioInput.fromWav(wav);
        assertThat(input.sampleRate()).isEqualTo(RATE);
        input.start();
        short[] got = new short[pcm.length];
        int n = 0;
        for (int r; (r = input.read(got, n, got.length - n)) > 0; ) {
            n += r;
        }
        assertThat(got).isEqualTo(pcm);
        assertThat(input.read(got, 0, 10)).isEqualTo(-1);
        assertThatThrownBy(() -> PcmAudioInput.fromWav(java.nio.file.Files.writeString(dir.resolve("x.wav"), "x")))
                .isInstanceOf(RecordingException.class).hasMessage("The sound file x.wav is not a WAV file.");
    }
}
