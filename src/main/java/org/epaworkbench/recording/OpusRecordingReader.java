package org.epaworkbench.recording;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.gagravarr.ogg.OggPacket;
import org.gagravarr.ogg.OggPacketReader;
import org.gagravarr.opus.OpusInfo;
import org.gagravarr.opus.OpusTags;

/**
 * Reads an Ogg Opus recording: its length, the session it names, and its audio decoded to 16-bit PCM from any
 * position, for playback in the app (JavaFX Media cannot play Opus). Only the whole, valid pages from the start
 * count; a file cut by a crash reads up to its last whole page ({@link #endsCleanly()} says so).
 */
public final class OpusRecordingReader implements Closeable {

    /** Opus decoders need this much audio before a seek point to settle (RFC 7845, 4.6: 80 ms). */
    static final int PRE_ROLL_GRANULES = 3840;

    private final Path file;
    private final FileChannel channel;
    private final OggPages.Scan scan;
    private final List<OggPages.Page> audioPages;
    private final int preSkip;
    private final int inputSampleRate;
    private final String sessionId;
    private final String vendor;

    private OpusRecordingReader(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.scan = OggPages.scan(channel);
        List<OggPages.Page> pages = scan.pages();
        if (pages.size() < 2) {
            throw unreadable("it does not start with an Opus header");
        }
        OpusInfo head;
        OpusTags tags;
        try (InputStream headers = pageStream(pages.get(0), pages.get(1).end())) {
            OggPacketReader packets = new OggPacketReader(headers);
            head = new OpusInfo(nonNull(packets.getNextPacket()));
            tags = new OpusTags(nonNull(packets.getNextPacket()));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw unreadable("it does not start with an Opus header");
        }
        if (head.getNumChannels() < 1 || head.getChannelMappingFamily() != 0) {
            throw unreadable("it is not a mono or stereo Opus stream");
        }
        preSkip = head.getPreSkip();
        inputSampleRate = (int) head.getRate();
        vendor = tags.getVendor();
        List<String> ids = tags.getComments(OpusRecordingWriter.SESSION_COMMENT);
        sessionId = ids == null || ids.isEmpty() ? null : ids.get(0);
        audioPages = pages.subList(2, pages.size());
    }

    public static OpusRecordingReader open(Path file) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new RecordingException("The recording " + file.getFileName() + " is not there: " + file);
        }
        try {
            return new OpusRecordingReader(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static OggPacket nonNull(OggPacket p) {
        if (p == null) {
            throw new IllegalArgumentException("missing packet");
        }
        return p;
    }

    private RecordingException unreadable(String why) {
        return new RecordingException("The recording " + file.getFileName() + " cannot be played: " + why + ".");
    }

    public Path file() {
        return file;
    }

    /** The session named in the file's OpusTags, or null when it names none. */
    public String sessionId() {
        return sessionId;
    }

    public String vendor() {
        return vendor;
    }

    /** The rate the audio was captured at (OpusHead); decoding may use another. */
    public int inputSampleRate() {
        return inputSampleRate;
    }

    public int preSkip() {
        return preSkip;
    }

    /** Whether the file ends with its end-of-stream page and nothing after it; false for a file cut by a crash. */
    public boolean endsCleanly() {
        OggPages.Page last = scan.last();
        return scan.endsCleanly() && last != null && last.endOfStream();
    }

    /** Ogg pages of audio (after the two header pages). */
    public int audioPageCount() {
        return audioPages.size();
    }

    /** Length of the playable audio in 48 kHz samples. */
    public long durationGranules() {
        if (audioPages.isEmpty()) {
            return 0;
        }
        return Math.max(0, audioPages.get(audioPages.size() - 1).granule() - preSkip);
    }

    public long durationMillis() {
        return durationGranules() / 48;
    }

    /** Decodes from {@code millis} into the recording at 48 kHz, the rate every sound device plays. */
    public PcmStream decodeFrom(long millis) throws IOException {
        return decodeFrom(millis, RecordingFormat.GRANULE_RATE);
    }

    /**
     * Decodes mono 16-bit PCM at {@code outputRate} (8, 12, 16, 24 or 48 kHz) from {@code millis} into the
     * recording to its end. Starts at the page that covers the point, with 80 ms of pre-roll discarded.
     */
    public PcmStream decodeFrom(long millis, int outputRate) throws IOException {
        if (48_000 % outputRate != 0 || outputRate < 8000) {
            throw new IllegalArgumentException("Opus decodes at 8, 12, 16, 24 or 48 kHz, not " + outputRate);
        }
        long target = preSkip + Math.max(0, Math.min(millis * 48, durationGranules()));
        long end = audioPages.isEmpty() ? 0 : audioPages.get(audioPages.size() - 1).granule();
        int first = 0;
        for (int i = 0; i < audioPages.size(); i++) {
            long pageStart = i == 0 ? 0 : audioPages.get(i - 1).granule();
            boolean startsWithWholePacket = !audioPages.get(i).continued();
            if (pageStart <= target - PRE_ROLL_GRANULES && startsWithWholePacket) {
                first = i;
            }
        }
        if (audioPages.isEmpty()) {
            return new PcmStream(null, null, null, outputRate, 0, target, end, preSkip);
        }
        long startGranule = first == 0 ? 0 : audioPages.get(first - 1).granule();
        InputStream in = pageStream(audioPages.get(first), scan.validEnd());
        OpusDecoder decoder;
        try {
            decoder = new OpusDecoder(outputRate, 1);
        } catch (OpusException e) {
            throw new IllegalStateException(e);
        }
        return new PcmStream(in, new OggPacketReader(in), decoder, outputRate, startGranule, target, end, preSkip);
    }

    /** The bytes from a page's start up to {@code limit}, read through the Ogg library's packet reader. */
    private InputStream pageStream(OggPages.Page page, long limit) throws IOException {
        FileChannel reading = FileChannel.open(file, StandardOpenOption.READ);
        reading.position(page.offset());
        long length = limit - page.offset();
        return new BufferedInputStream(new FilterInputStream(Channels.newInputStream(reading)) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        }, 64 * 1024);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Size of the file in bytes. */
    public long sizeBytes() throws IOException {
        return Files.size(file);
    }

    /** Decoded mono 16-bit PCM from a position to the end of the recording. Not thread-safe. */
    public static final class PcmStream implements Closeable {
        private final InputStream in;
        private final OggPacketReader packets;
        private final OpusDecoder decoder;
        private final int sampleRate;
        private final int granulesPerSample;
        private final long from;
        private final long end;
        private final int preSkip;
        private final short[] decoded;
        private long granule;
        private long packetStart;
        private int decodedStart;
        private int decodedEnd;
        private boolean finished;

        private PcmStream(InputStream in, OggPacketReader packets, OpusDecoder decoder, int sampleRate,
                long startGranule, long from, long end, int preSkip) {
            this.in = in;
            this.packets = packets;
            this.decoder = decoder;
            this.sampleRate = sampleRate;
            this.granulesPerSample = RecordingFormat.GRANULE_RATE / sampleRate;
            this.granule = startGranule;
            this.from = from;
            this.end = end;
            this.preSkip = preSkip;
            this.decoded = new short[sampleRate * 120 / 1000]; // the longest Opus packet: 120 ms
            this.finished = packets == null;
        }

        public int sampleRate() {
            return sampleRate;
        }

        /** Where in the recording the next sample read comes from, in ms. */
        public long positionMillis() {
            long next = decodedStart < decodedEnd ? packetStart + (long) decodedStart * granulesPerSample
                    : Math.max(granule, from);
            return Math.max(0, Math.min(next, end) - preSkip) / 48;
        }

        /** Reads up to {@code length} samples; -1 at the end of the recording. */
        public int read(short[] buffer, int offset, int length) throws IOException {
            while (decodedStart == decodedEnd) {
                if (finished || !decodeNext()) {
                    finished = true;
                    return -1;
                }
            }
            int n = Math.min(length, decodedEnd - decodedStart);
            System.arraycopy(decoded, decodedStart, buffer, offset, n);
            decodedStart += n;
            return n;
        }

        private boolean decodeNext() throws IOException {
            OggPacket packet = packets.getNextPacket();
            if (packet == null || granule >= end) {
                return false;
            }
            byte[] data = packet.getData();
            int n;
            try {
                n = decoder.decode(data, 0, data.length, decoded, 0, decoded.length, false);
            } catch (OpusException e) {
                throw new RecordingException("The recording has a damaged packet and cannot be played further.", e);
            }
            packetStart = granule;
            granule += (long) n * granulesPerSample;
            long keepFrom = Math.max(packetStart, from);
            long keepTo = Math.min(granule, end);
            if (keepTo <= keepFrom) {
                decodedStart = 0;
                decodedEnd = 0;
            } else {
                decodedStart = (int) ((keepFrom - packetStart) / granulesPerSample);
                decodedEnd = (int) ((keepTo - packetStart) / granulesPerSample);
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            finished = true;
            if (in != null) {
                in.close();
            }
        }
    }
}
