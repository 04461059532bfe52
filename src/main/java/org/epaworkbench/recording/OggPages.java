package org.epaworkbench.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.gagravarr.ogg.CRCUtils;

/**
 * Where the Ogg pages of a file are, which are whole and which checksums hold. The Ogg library reads packets from
 * a stream but gives neither the byte offset of a page nor a way to tell a torn page from the end of the file,
 * and both are what seeking and crash repair need; the CRC is the library's.
 */
final class OggPages {
    static final int HEADER = 27;
    static final int FLAG_CONTINUED = 0x01;
    static final int FLAG_BOS = 0x02;
    static final int FLAG_EOS = 0x04;
    /** The most a page can take: a 27-byte header, 255 lacing values and 255 × 255 bytes. */
    static final int MAX_PAGE = HEADER + 255 + 255 * 255;

    private OggPages() {
    }

    /** One whole page with a valid checksum. */
    record Page(long offset, int length, int flags, long granule, int serial, int sequence, int[] lacing) {
        long end() {
            return offset + length;
        }

        boolean endOfStream() {
            return (flags & FLAG_EOS) != 0;
        }

        boolean beginningOfStream() {
            return (flags & FLAG_BOS) != 0;
        }

        boolean continued() {
            return (flags & FLAG_CONTINUED) != 0;
        }

        /** Whether the page's last packet ends on it (a lacing value of 255 carries it into the next page). */
        boolean endsWithWholePacket() {
            return lacing.length == 0 || lacing[lacing.length - 1] < 255;
        }
    }

    /**
     * The pages from the start of the file while they are whole and valid, and where that run stops.
     *
     * @param pages    the whole, valid pages from the start
     * @param validEnd the byte after the last of them
     * @param fileSize the size of the file
     */
    record Scan(List<Page> pages, long validEnd, long fileSize) {
        boolean endsCleanly() {
            return validEnd == fileSize;
        }

        Page last() {
            return pages.isEmpty() ? null : pages.get(pages.size() - 1);
        }
    }

    static Scan scan(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        List<Page> pages = new ArrayList<>();
        long offset = 0;
        while (offset < size) {
            Page page = readPage(channel, offset, size);
            if (page == null) {
                break;
            }
            pages.add(page);
            offset = page.end();
        }
        return new Scan(List.copyOf(pages), offset, size);
    }

    /** Whether a whole, valid page starts anywhere in [from, size): a file damaged in the middle, not cut short. */
    static boolean anyValidPageAfter(SeekableByteChannel channel, long from) throws IOException {
        long size = channel.size();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long base = from;
        while (base < size) {
            buf.clear();
            int n = readFully(channel, buf, base, size);
            for (int i = 0; i + 4 <= n; i++) {
                if (buf.get(i) == 'O' && buf.get(i + 1) == 'g' && buf.get(i + 2) == 'g' && buf.get(i + 3) == 'S'
                        && readPage(channel, base + i, size) != null) {
                    return true;
                }
            }
            if (n < 4) {
                return false;
            }
            base += n - 3;
        }
        return false;
    }

    /** The page at {@code offset}, or null when it is torn, not a page or its checksum fails. */
    static Page readPage(SeekableByteChannel channel, long offset, long size) throws IOException {
        if (size - offset < HEADER) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        if (readFully(channel, header, offset, size) < HEADER) {
            return null;
        }
        byte[] h = header.array();
        if (h[0] != 'O' || h[1] != 'g' || h[2] != 'g' || h[3] != 'S' || h[4] != 0) {
            return null;
        }
        int segments = h[26] & 0xff;
        if (size - offset < HEADER + segments) {
            return null;
        }
        ByteBuffer lacingBuf = ByteBuffer.allocate(segments);
        readFully(channel, lacingBuf, offset + HEADER, size);
        int[] lacing = new int[segments];
        int body = 0;
        for (int i = 0; i < segments; i++) {
            lacing[i] = lacingBuf.get(i) & 0xff;
            body += lacing[i];
        }
        int length = HEADER + segments + body;
        if (size - offset < length) {
            return null;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        readFully(channel, all, offset, size);
        byte[] bytes = all.array();
        int stored = littleEndianInt(bytes, 22);
        bytes[22] = 0;
        bytes[23] = 0;
        bytes[24] = 0;
        bytes[25] = 0;
        if (CRCUtils.getCRC(bytes) != stored) {
            return null;
        }
        return new Page(offset, length, h[5] & 0xff, littleEndianLong(h, 6), littleEndianInt(h, 14),
                littleEndianInt(h, 18), lacing);
    }

    /** The bytes of the page at {@code page.offset()}. */
    static byte[] bytes(SeekableByteChannel channel, Page page) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(page.length());
        readFully(channel, buf, page.offset(), page.end());
        return buf.array();
    }

    /** Sets or clears a header flag of a whole page in memory and puts its checksum right. */
    static void setFlag(byte[] page, int flag) {
        page[5] = (byte) (page[5] | flag);
        page[22] = 0;
        page[23] = 0;
        page[24] = 0;
        page[25] = 0;
        int crc = CRCUtils.getCRC(page);
        page[22] = (byte) crc;
        page[23] = (byte) (crc >>> 8);
        page[24] = (byte) (crc >>> 16);
        page[25] = (byte) (crc >>> 24);
    }

    private static int readFully(SeekableByteChannel channel, ByteBuffer buf, long position, long limit)
            throws IOException {
        int want = (int) Math.min(buf.remaining(), Math.max(0, limit - position));
        buf.limit(buf.position() + want);
        int total = 0;
        channel.position(position);
        while (buf.hasRemaining()) {
            int n = channel.read(buf);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    static int littleEndianInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static long littleEndianLong(byte[] b, int at) {
        return (littleEndianInt(b, at) & 0xffffffffL) | (long) littleEndianInt(b, at + 4) << 32;
    }
}
