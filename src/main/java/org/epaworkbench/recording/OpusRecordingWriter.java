package org.epaworkbench.recording;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.epaworkbench.AppInfo;
import org.gagravarr.ogg.OggFile;
import org.gagravarr.ogg.OggPacket;
import org.gagravarr.ogg.OggPacketWriter;
import org.gagravarr.opus.OpusInfo;
import org.gagravarr.opus.OpusTags;

/**
 * Writes mono 16-bit PCM as a standard Ogg Opus file (RFC 7845) while it is captured. Every page holds whole
 * packets only and is forced to disk once it holds {@link RecordingFormat#pageMillis()} of audio, counted in
 * samples, so a crash loses at most that much and {@link RecordingRepair} can always end the file on a page.
 *
 * <p>Paused time is simply not written: the caller stops feeding samples and keeps the pause in the session's
 * events, mapped through {@link #positionMillis()}. One thread writes; any thread may read the positions.
 */
public final class OpusRecordingWriter implements Closeable {

    /** The comment in OpusTags that names the session the recording belongs to. */
    public static final String SESSION_COMMENT = "EPA_WORKBENCH_SESSION";
    /** Largest Opus packet (RFC 6716, 3.4). */
    private static final int MAX_PACKET = 1275;
    private static final int MAX_LACING = 255;

    private final Path file;
    private final RecordingFormat format;
    private final FileChannel channel;
    private final OggFile ogg;
    private final OggPacketWriter stream;
    private final OpusEncoder encoder;
    private final int lookahead;
    private final int preSkip;
    private final short[] frame;
    private final byte[] packet = new byte[MAX_PACKET];
    private int frameFill;
    private long framesEncoded;
    private int pendingPackets;
    private int pendingLacing;
    private boolean closed;
    private IOException failure;
    private volatile long samplesAccepted;
    private volatile long samplesDurable;
    private volatile long bytesDurable;

    private OpusRecordingWriter(Path file, RecordingFormat format, FileChannel channel, String sessionId)
            throws IOException {
        this.file = file;
        this.format = format;
        this.channel = channel;
        try {
            encoder = new OpusEncoder(format.sampleRate(), 1, OpusApplication.OPUS_APPLICATION_VOIP);
            encoder.setBitrate(format.bitrate());
            encoder.setUseVBR(true);
            encoder.setUseConstrainedVBR(false);
            encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
            encoder.setComplexity(format.complexity());
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoder refused " + format, e);
        }
        lookahead = encoder.getLookahead();
        preSkip = lookahead * format.granulesPerSample();
        frame = new short[format.frameSamples()];
        // OggFile flushes the stream after each write of pages; the bytes go straight to the channel, then forced
        ogg = new OggFile(Channels.newOutputStream(channel));
        stream = ogg.getPacketWriter();

        OpusInfo head = new OpusInfo();
        head.setNumChannels(1);
        head.setPreSkip(preSkip);
        head.setSampleRate(format.sampleRate());
        head.setOutputGain(0);
        stream.bufferPacket(head.write(), true); // OpusHead alone on the first page (BOS)

        OpusTags tags = new OpusTags();
        tags.setVendor(AppInfo.NAME + " " + AppInfo.version() + " (Concentus Opus " + format.bitrate() / 1000
                + " kbit/s VBR)");
        tags.addComment(SESSION_COMMENT, sessionId);
        stream.bufferPacket(tags.write(), true); // OpusTags ends its page; audio starts on a fresh one
        channel.force(true);
        bytesDurable = channel.size();
    }

    /**
     * Creates a new recording; never overwrites a file that exists.
     *
     * @param sessionId written into OpusTags so the file names its session wherever it travels
     */
    public static OpusRecordingWriter create(Path file, RecordingFormat format, String sessionId) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            OpusRecordingWriter writer = new OpusRecordingWriter(file, format, channel, sessionId);
            forceDirectory(file.toAbsolutePath().getParent());
            return writer;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Makes the new file's name durable too (possible on Linux and macOS; Windows has no such call). */
    private static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not supported on this system: the file's own data is still forced
        }
    }

    public Path file() {
        return file;
    }

    public RecordingFormat format() {
        return format;
    }

    /** Appends samples; forces a page to disk whenever a page's worth of audio has been encoded. */
    public void write(short[] pcm, int offset, int length) throws IOException {
        ensureOpen();
        int at = offset;
        int end = offset + length;
        while (at < end) {
            int n = Math.min(end - at, frame.length - frameFill);
            System.arraycopy(pcm, at, frame, frameFill, n);
            frameFill += n;
            at += n;
            samplesAccepted += n;
            if (frameFill == frame.length) {
                encodeFrame(true);
            }
        }
    }

    /**
     * Forces what is encoded so far to disk as a page now (for example when the session pauses), without waiting
     * for a page's worth. Samples of a frame not yet complete (under 20 ms) stay in memory.
     */
    public void flush() throws IOException {
        ensureOpen();
        writePage();
    }

    /** Audio accepted so far, in samples: the recording position the session maps its events to. */
    public long positionSamples() {
        return samplesAccepted;
    }

    /** Audio accepted so far, in milliseconds. */
    public long positionMillis() {
        return samplesAccepted * 1000 / format.sampleRate();
    }

    /** Audio already forced to disk, in milliseconds: what a crash now would keep. */
    public long durableMillis() {
        return samplesDurable * 1000 / format.sampleRate();
    }

    /** Bytes of the file forced to disk. */
    public long durableBytes() {
        return bytesDurable;
    }

    /** Pre-skip of the stream in 48 kHz samples (the encoder's delay, dropped by every decoder). */
    public int preSkip() {
        return preSkip;
    }

    /**
     * Encodes what remains (padded with silence so the encoder's delay is flushed), ends the stream on its last
     * page with the exact end position, forces it to disk and closes the file. After a write failure it only
     * closes: the pages already on disk stay, and {@link RecordingRepair} ends the stream there.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failure == null) {
                finish();
            }
        } finally {
            channel.close();
        }
    }

    private void finish() throws IOException {
        long realSamples = samplesAccepted;
        int padding = lookahead;
        while (padding > 0 || frameFill > 0) {
            int n = Math.min(padding, frame.length - frameFill);
            Arrays.fill(frame, frameFill, frameFill + n, (short) 0);
            frameFill += n;
            padding -= n;
            if (frameFill < frame.length && padding == 0) {
                Arrays.fill(frame, frameFill, frame.length, (short) 0);
                frameFill = frame.length;
            }
            if (frameFill == frame.length) {
                encodeFrame(false);
            }
        }
        try {
            // end trimming (RFC 7845, 4.4): the last granule is where the real audio ends, not the padding
            stream.setGranulePosition(preSkip + realSamples * format.granulesPerSample());
            stream.close(); // marks end of stream on the last page and writes it
            channel.force(true);
            samplesDurable = realSamples;
            bytesDurable = channel.size();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private void encodeFrame(boolean mayEndPage) throws IOException {
        int n;
        try {
            n = encoder.encode(frame, 0, frame.length, packet, 0, packet.length);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoder failed on a frame", e);
        }
        frameFill = 0;
        int lacing = n / 255 + 1;
        if (pendingLacing + lacing > MAX_LACING) {
            writePage(); // keep every page self-contained: a packet never continues onto the next page
        }
        stream.bufferPacket(new OggPacket(Arrays.copyOf(packet, n)));
        pendingLacing += lacing;
        pendingPackets++;
        framesEncoded++;
        if (mayEndPage && (long) pendingPackets * frame.length >= format.pageSamples()) {
            writePage();
        }
    }

    private void writePage() throws IOException {
        if (pendingPackets == 0) {
            return;
        }
        try {
            long decoded = framesEncoded * frame.length;
            stream.setGranulePosition(decoded * format.granulesPerSample());
            stream.flush();
            channel.force(false); // fdatasync: the data and the new length
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        pendingPackets = 0;
        pendingLacing = 0;
        samplesDurable = Math.max(0, framesEncoded * frame.length - lookahead);
        bytesDurable = channel.size();
    }

    private void ensureOpen() throws IOException {
        if (failure != null) {
            throw new IOException("the recording could not be written: " + failure.getMessage(), failure);
        }
        if (closed) {
            throw new IllegalStateException("recording already closed");
        }
    }
}
