package org.epaworkbench.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Test helper for other packages: writes generated speech as a real Ogg/Opus recording and says what the log records of it. */
public final class RecordedAudio {

    /** What a recording's end event records: duration, size and SHA-256. */
    public record Written(Path file, long durationMillis, long sizeBytes, String sha256) {
    }

    private RecordedAudio() {
    }

    /** {@code seconds} of speech-like audio (deterministic for {@code seed}) written to {@code file} as the app writes it. */
    public static Written speech(Path file, double seconds, long seed, String sessionId) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        RecordingFormat format = RecordingFormat.SPEECH;
        short[] pcm = SpeechLikeAudio.speech(seconds, format.sampleRate(), seed);
        try (OpusRecordingWriter writer = OpusRecordingWriter.create(file, format, sessionId)) {
            for (int at = 0; at < pcm.length; at += 333) {
                writer.write(pcm, at, Math.min(333, pcm.length - at));
            }
        }
        long duration;
        try (OpusRecordingReader reader = OpusRecordingReader.open(file)) {
            duration = reader.durationMillis();
        }
        return new Written(file, duration, Files.size(file), sha256(file));
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
