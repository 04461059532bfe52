package org.epaworkbench.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The duration of a recording made elsewhere (a remote call's own file, issue 16), read from the file where its format
 * says it plainly: Ogg/Opus (the last page's granule, {@link OpusRecordingReader}), WAV, AIFF and AU (Java Sound's file
 * header), and MP4, M4A and MOV (the {@code mvhd} box of the ISO base media file format: its time scale and duration).
 * Nothing is decoded. For any other format, or a file whose header does not say, it is empty and the assessor types the
 * duration their player shows.
 */
public final class MediaDuration {

    private MediaDuration() {
    }

    /** The file's duration, or empty when its format is not one read here or its header gives none. */
    public static Optional<Duration> of(Path file) {
        byte[] head = new byte[12];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.wrap(head);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // the first bytes say the format
            }
            if (b.hasRemaining()) {
                return Optional.empty();
            }
            String first4 = ascii(head, 0);
            String second4 = ascii(head, 4);
            String third4 = ascii(head, 8);
            if (first4.equals("OggS")) {
                return opus(file);
            }
            if ((first4.equals("RIFF") && third4.equals("WAVE")) || (first4.equals("FORM") && third4.startsWith("AIF"))
                    || first4.equals(".snd")) {
                return javaSound(file);
            }
            if (BOX_TYPES.contains(second4)) {
                return isoMedia(ch);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Top-level boxes an MP4, M4A or MOV file may start with. */
    private static final Set<String> BOX_TYPES = Set.of("ftyp", "moov", "mdat", "wide", "free", "skip", "pnot");

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static Optional<Duration> opus(Path file) {
        try (OpusRecordingReader r = OpusRecordingReader.open(file)) {
            long ms = r.durationMillis();
            return ms > 0 ? Optional.of(Duration.ofMillis(ms)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // Ogg, but not Opus (Vorbis, Theora) or cut short: typed instead
        }
    }

    private static Optional<Duration> javaSound(Path file) {
        try {
            javax.sound.sampled.AudioFileFormat f = javax.sound.sampled.AudioSystem.getAudioFileFormat(file.toFile());
            long frames = f.getFrameLength();
            float rate = f.getFormat().getFrameRate();
            if (frames <= 0 || rate <= 0 || Float.isNaN(rate)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.round(frames * 1000.0 / rate)));
        } catch (javax.sound.sampled.UnsupportedAudioFileException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** At most this many boxes are looked at: a damaged file cannot keep the reader going. */
    private static final int MAX_BOXES = 10_000;

    /**
     * The movie header's duration: the top-level boxes are walked by their sizes (a large {@code mdat} is stepped over,
     * never read) to {@code moov}, and in it to {@code mvhd}.
     */
    static Optional<Duration> isoMedia(SeekableByteChannel ch) throws IOException {
        long end = ch.size();
        Optional<long[]> moov = findBox(ch, 0, end, "moov");
        if (moov.isEmpty()) {
            return Optional.empty();
        }
        Optional<long[]> mvhd = findBox(ch, moov.get()[0], moov.get()[1], "mvhd");
        if (mvhd.isEmpty()) {
            return Optional.empty();
        }
        long from = mvhd.get()[0];
        long length = mvhd.get()[1] - from;
        ByteBuffer b = read(ch, from, (int) Math.min(length, 32));
        if (b.remaining() < 4) {
            return Optional.empty();
        }
        int version = b.get() & 0xff;
        b.position(4); // version and flags
        long timescale;
        long duration;
        if (version == 0 && b.remaining() >= 16) {
            b.position(b.position() + 8); // creation and modification times
            timescale = b.getInt() & 0xffffffffL;
            duration = b.getInt() & 0xffffffffL;
            if (duration == 0xffffffffL) {
                return Optional.empty(); // "unknown"
            }
        } else if (version == 1 && b.remaining() >= 28) {
            b.position(b.position() + 16);
            timescale = b.getInt() & 0xffffffffL;
            duration = b.getLong();
            if (duration < 0) {
                return Optional.empty(); // all ones: unknown; past 2^63: not a real duration
            }
        } else {
            return Optional.empty();
        }
        if (timescale == 0 || duration == 0) {
            return Optional.empty();
        }
        long ms = duration / timescale * 1000 + (duration % timescale) * 1000 / timescale;
        return ms > 0 ? Optional.of(Duration.ofMillis(ms)) : Optional.empty();
    }

    /** The content (after its header) of the first box of {@code type} in [from, to): {start, end}. */
    private static Optional<long[]> findBox(SeekableByteChannel ch, long from, long to, String type) throws IOException {
        long at = from;
        for (int n = 0; n < MAX_BOXES && at + 8 <= to; n++) {
            ByteBuffer h = read(ch, at, 16);
            if (h.remaining() < 8) {
                return Optional.empty();
            }
            long size = h.getInt() & 0xffffffffL;
            byte[] t = new byte[4];
            h.get(t);
            int header = 8;
            if (size == 1) {
                if (h.remaining() < 8) {
                    return Optional.empty();
                }
                size = h.getLong();
                header = 16;
            } else if (size == 0) {
                size = to - at; // to the end of the file (or of the parent box)
            }
            if (size < header || at + size > to || at + size < at) {
                return Optional.empty(); // a box that does not fit: a damaged or cut file
            }
            if (new String(t, StandardCharsets.ISO_8859_1).equals(type)) {
                return Optional.of(new long[] {at + header, at + size});
            }
            at += size;
        }
        return Optional.empty();
    }

    private static ByteBuffer read(SeekableByteChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        ch.position(at);
        while (b.hasRemaining() && ch.read(b) > 0) {
            // until full or the end of the file
        }
        b.flip();
        return b;
    }
}
