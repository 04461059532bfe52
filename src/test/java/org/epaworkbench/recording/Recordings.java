package org.epaworkbench.recording;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Test helpers: write PCM as a recording, decode a recording whole, list its pages. */
final class Recordings {
    private Recordings() {
    }

    static Path write(Path file, short[] pcm, RecordingFormat format) throws IOException {
        try (OpusRecordingWriter writer = OpusRecordingWriter.create(file, format, "session-42")) {
            for (int at = 0; at < pcm.length; at += 333) { // an odd chunk size, as a sound card gives
                writer.write(pcm, at, Math.min(333, pcm.length - at));
            }
        }
        return file;
    }

    static short[] decode(Path file, long fromMillis, int rate) throws IOException {
        try (OpusRecordingReader reader = OpusRecordingReader.open(file);
                OpusRecordingReader.PcmStream pcm = reader.decodeFrom(fromMillis, rate)) {
            return readAll(pcm);
        }
    }

    static short[] readAll(OpusRecordingReader.PcmStream pcm) throws IOException {
        short[] out = new short[1 << 16];
        int n = 0;
        short[] buf = new short[1000];
        for (int r; (r = pcm.read(buf, 0, buf.length)) >= 0; ) {
            if (n + r > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            System.arraycopy(buf, 0, out, n, r);
            n += r;
        }
        return Arrays.copyOf(out, n);
    }

    static OggPages.Scan pages(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return OggPages.scan(channel);
        }
    }

    /** Index of the first sample at or above the threshold, or -1. */
    static int onset(short[] pcm, int threshold) {
        for (int i = 0; i < pcm.length; i++) {
            if (Math.abs(pcm[i]) >= threshold) {
                return i;
            }
        }
        return -1;
    }

    static double rms(short[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
