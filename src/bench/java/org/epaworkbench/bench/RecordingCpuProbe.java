package org.epaworkbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.epaworkbench.recording.AudioRecorder;
import org.epaworkbench.recording.OpusRecordingWriter;
import org.epaworkbench.recording.PacedAudioInput;
import org.epaworkbench.recording.RecordingFormat;
import org.epaworkbench.recording.SpeechLikeAudio;
import org.epaworkbench.ui.StartupProbe;

/**
 * Child JVM for the encoding-CPU figure (issue 16): the CPU time of the thread that writes, per second of audio, as a
 * share of one core. Generated speech-like audio (the tests' {@link SpeechLikeAudio}) goes through the real
 * {@link OpusRecordingWriter} in 20 ms chunks, as a microphone gives it, pages forced to disk every second; the baseline
 * is the same samples in the same chunks written raw (16-bit PCM) to a file forced every second of audio, measured the
 * same way. Passes alternate A B B A after warm-up. Also: the first minute in this fresh JVM (while the JIT compiles),
 * and the whole recorder as the app runs it ({@link AudioRecorder} reading the demonstration microphone, a WAV file
 * paced in real time): the CPU time of its capture and writer threads.
 *
 * <p>Arguments: a scratch folder (on the project's disk), the seconds of the paced run. Prints
 * {@code EPA-BENCH cpu-NAME cpuNanos audioMillis} lines.
 */
public final class RecordingCpuProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final RecordingFormat FORMAT = RecordingFormat.SPEECH;
    /** 20 ms at 16 kHz: what a sound card and the demonstration microphone give a read. */
    private static final int CHUNK = FORMAT.sampleRate() / 50;
    private static final AtomicInteger FILES = new AtomicInteger();

    private RecordingCpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int pacedSeconds = Integer.parseInt(args[1]);
        short[] minute = SpeechLikeAudio.speech(60, FORMAT.sampleRate(), 16);

        // the first minute of audio this JVM encodes: interpreted and compiling, as the first minute of a session
        StartupProbe.mark("cpu-encode-cold " + encode(folder, minute) + " " + 60_000);
        for (int i = 0; i < 3; i++) { // warm-up of both paths
            encode(folder, minute);
            raw(folder, minute);
        }
        long encodeCpu = 0;
        long rawCpu = 0;
        int passes = 0;
        for (int round = 0; round < 2; round++) {
            encodeCpu += encode(folder, minute);
            rawCpu += raw(folder, minute);
            rawCpu += raw(folder, minute);
            encodeCpu += encode(folder, minute);
            passes += 2;
        }
        StartupProbe.mark("cpu-encode " + encodeCpu + " " + passes * 60_000L);
        StartupProbe.mark("cpu-raw " + rawCpu + " " + passes * 60_000L);

        // the whole recorder as the app runs it, in real time
        Path wav = SpeechLikeAudio.writeWav(SpeechLikeAudio.speech(30, FORMAT.sampleRate(), 17), FORMAT.sampleRate(),
                folder.resolve("demo-microphone.wav"));
        try (AudioRecorder recorder = AudioRecorder.create(PacedAudioInput.looping(wav), next(folder, "opus"), FORMAT,
                "bench", new AudioRecorder.Listener() { })) {
            recorder.start();
            Thread.sleep(pacedSeconds * 1000L);
            long cpu = 0;
            for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (t != null && (t.getThreadName().equals("recording-capture") || t.getThreadName().equals("recording-writer"))) {
                    cpu += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
                }
            }
            StartupProbe.mark("cpu-recorder-paced " + cpu + " " + recorder.positionMillis());
        }
        System.exit(0);
    }

    private static Path next(Path folder, String extension) {
        return folder.resolve("pass-" + FILES.incrementAndGet() + "." + extension);
    }

    /** This thread's CPU time to write the samples as a recording (create, 20 ms chunks, close), in ns. */
    private static long encode(Path folder, short[] pcm) throws IOException {
        Path file = next(folder, "opus");
        long t0 = THREADS.getCurrentThreadCpuTime();
        try (OpusRecordingWriter writer = OpusRecordingWriter.create(file, FORMAT, "bench")) {
            for (int at = 0; at < pcm.length; at += CHUNK) {
                writer.write(pcm, at, Math.min(CHUNK, pcm.length - at));
            }
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - t0;
        Files.delete(file);
        return cpu;
    }

    /** The same samples in the same chunks written as raw PCM, forced to disk after each second of audio, in ns. */
    private static long raw(Path folder, short[] pcm) throws IOException {
        Path file = next(folder, "pcm");
        long t0 = THREADS.getCurrentThreadCpuTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.allocate(CHUNK * 2).order(ByteOrder.LITTLE_ENDIAN);
            long sinceForce = 0;
            for (int at = 0; at < pcm.length; at += CHUNK) {
                int n = Math.min(CHUNK, pcm.length - at);
                bytes.clear();
                for (int i = 0; i < n; i++) {
                    bytes.putShort(pcm[at + i]);
                }
                bytes.flip();
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                sinceForce += n;
                if (sinceForce >= FORMAT.pageSamples()) {
                    channel.force(false);
                    sinceForce = 0;
                }
            }
            channel.force(true);
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - t0;
        Files.delete(file);
        return cpu;
    }
}
