package org.epaworkbench.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Ends a recording that a crash or a power cut left open: keeps every whole page whose checksum holds, cuts the
 * torn page after them, and marks the last kept page as the end of the stream, so players accept the file. A
 * file that ended cleanly is left untouched, and so is one damaged anywhere but at its end (that is not what a
 * crash does, and cutting there would throw away good audio).
 *
 * <p>Order of the changes: the torn tail is cut and the cut forced to disk, then the end flag is set on the last
 * page in place (only its flag byte and checksum change) and forced. A crash during the repair leaves a file the
 * next repair handles: at worst that one page fails its checksum and is dropped too.
 */
public final class RecordingRepair {

    private RecordingRepair() {
    }

    /** What a repair found and did. */
    public enum Outcome {
        /** The file ended cleanly: nothing changed. */
        INTACT,
        /** The end was cut to the last whole page and marked: the file plays up to there. */
        REPAIRED,
        /** Only the headers survived: the file is ended after them and holds no audio. */
        NO_AUDIO,
        /** Not repairable (not an Opus recording, its headers are torn, or it is damaged before its end): unchanged. */
        NOT_REPAIRABLE
    }

    /**
     * @param outcome      what happened
     * @param keptMillis   audio the file plays after the repair
     * @param keptBytes    size of the file after the repair
     * @param droppedBytes bytes cut from the end (a torn page, or junk after the end)
     * @param lostMillis   audio in the torn page, read from its header when that survived; -1 when not known
     * @param reason       for {@link Outcome#NOT_REPAIRABLE}, why, in the assessor's words; otherwise empty
     */
    public record Result(Outcome outcome, long keptMillis, long keptBytes, long droppedBytes, long lostMillis,
            String reason) {

        /** One sentence for the session's event log and the assessor. */
        public String describe() {
            return switch (outcome) {
                case INTACT -> "The recording ended cleanly (" + duration(keptMillis) + ").";
                case REPAIRED -> "The recording was cut off and has been repaired: it plays for "
                        + duration(keptMillis) + (lostMillis > 0 ? "; about " + duration(lostMillis)
                                + " at the end could not be saved" : "") + ".";
                case NO_AUDIO -> "The recording was cut off before any sound was saved.";
                case NOT_REPAIRABLE -> "The recording could not be repaired: " + reason + ". It has been left as it was.";
            };
        }
    }

    /** Repairs the file in place if it needs it. */
    public static Result repair(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return repair(channel);
        } catch (NoSuchFileException e) {
            throw new RecordingException("The recording " + file.getFileName() + " is not there: " + file);
        }
    }

    /** Repairs the recording held in {@code channel}; forces the changes to disk when it is a file. */
    public static Result repair(SeekableByteChannel channel) throws IOException {
        OggPages.Scan scan = OggPages.scan(channel);
        List<OggPages.Page> pages = scan.pages();
        if (pages.size() < 2 || !isOpusHead(channel, pages.get(0))) {
            return notRepairable(scan, "it does not start with a whole Opus header");
        }
        int preSkip = preSkip(channel, pages.get(0));
        int serial = pages.get(0).serial();
        for (int i = 1; i < pages.size(); i++) {
            if (pages.get(i).serial() != serial || pages.get(i - 1).endOfStream()) {
                return notRepairable(scan, "it holds more than one recording");
            }
        }
        // keep the whole pages up to the last one that ends on a whole packet with a known position
        int keep = pages.size();
        while (keep > 2 && (!pages.get(keep - 1).endsWithWholePacket() || pages.get(keep - 1).granule() < 0)) {
            keep--;
        }
        OggPages.Page last = pages.get(keep - 1);
        long keptBytes = last.end();
        boolean cleanEnd = keptBytes == scan.fileSize() && last.endOfStream();
        long keptMillis = keep > 2 ? Math.max(0, last.granule() - preSkip) / 48 : 0;
        if (cleanEnd) {
            return new Result(Outcome.INTACT, keptMillis, keptBytes, 0, 0, "");
        }
        if (scan.validEnd() < scan.fileSize()
                && OggPages.anyValidPageAfter(channel, scan.validEnd() + 1)) {
            return notRepairable(scan, "it is damaged before its end, which a crash does not do");
        }
        long lost = tornPageMillis(channel, keptBytes, scan.fileSize(), last);

        channel.truncate(keptBytes);
        force(channel);
        if (!last.endOfStream()) {
            byte[] page = OggPages.bytes(channel, last);
            OggPages.setFlag(page, OggPages.FLAG_EOS);
            channel.position(last.offset());
            ByteBuffer buf = ByteBuffer.wrap(page);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            force(channel);
        }
        return new Result(keep > 2 ? Outcome.REPAIRED : Outcome.NO_AUDIO, keptMillis, keptBytes,
                scan.fileSize() - keptBytes, lost, "");
    }

    private static Result notRepairable(OggPages.Scan scan, String reason) {
        return new Result(Outcome.NOT_REPAIRABLE, 0, scan.fileSize(), 0, -1, reason);
    }

    /** The audio of the torn page after the kept ones, from its header's position, when its header survived. */
    private static long tornPageMillis(SeekableByteChannel channel, long at, long size, OggPages.Page last)
            throws IOException {
        if (size - at < OggPages.HEADER) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.allocate(OggPages.HEADER);
        channel.position(at);
        while (header.hasRemaining() && channel.read(header) > 0) {
            // read the header
        }
        byte[] h = header.array();
        if (h[0] != 'O' || h[1] != 'g' || h[2] != 'g' || h[3] != 'S' || h[4] != 0
                || OggPages.littleEndianInt(h, 14) != last.serial()
                || OggPages.littleEndianInt(h, 18) != last.sequence() + 1) {
            return -1;
        }
        long granule = OggPages.littleEndianLong(h, 6);
        long delta = granule - last.granule();
        if (delta <= 0 || delta > RecordingFormat.GRANULE_RATE * 60L) {
            return -1;
        }
        return delta / 48;
    }

    private static boolean isOpusHead(SeekableByteChannel channel, OggPages.Page page) throws IOException {
        byte[] b = OggPages.bytes(channel, page);
        int body = OggPages.HEADER + page.lacing().length;
        return page.beginningOfStream() && b.length >= body + 19
                && new String(b, body, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("OpusHead");
    }

    private static int preSkip(SeekableByteChannel channel, OggPages.Page head) throws IOException {
        byte[] b = OggPages.bytes(channel, head);
        int body = OggPages.HEADER + head.lacing().length;
        return (b[body + 10] & 0xff) | (b[body + 11] & 0xff) << 8;
    }

    private static void force(SeekableByteChannel channel) throws IOException {
        if (channel instanceof FileChannel file) {
            file.force(true);
        }
    }

    static String duration(long millis) {
        // whole seconds played, as the recording panel's m:ss counts them (5.99 s is "0:05" there, so "5 s" here)
        long seconds = millis / 1000;
        if (millis > 0 && millis < 1000) {
            return String.format(java.util.Locale.UK, "%.1f s", millis / 1000.0);
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            return h + " h " + m + " min " + s + " s";
        }
        return m > 0 ? m + " min " + s + " s" : s + " s";
    }
}
