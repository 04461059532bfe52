package org.epaworkbench.sync;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One reading of a package's zip. Before anything is unpacked, the zip's central directory (what
 * {@code unzip} and every other tool list) and its local headers (what an importer streams) must
 * agree entry by entry: the directory ends the file exactly (no data after it, no comment); it
 * starts right after the last entry; the entries follow one another from the first byte with
 * nothing between them; and each local header names the same entry, with the same method, flags,
 * CRC and sizes, as its directory entry. So every tool sees the same entries, in the same order,
 * with the same content as the importer; a ghost entry, a renamed one or bytes hidden after the end
 * are refused.
 */
final class ZipLayout {

    static final int LOCAL = 0x04034b50;
    static final int CENTRAL = 0x02014b50;
    static final int END = 0x06054b50;
    static final int DESCRIPTOR = 0x08074b50;
    /** The central directory of a package at its largest (20,000 entries with short names) is far below this. */
    static final long MAX_DIRECTORY_BYTES = 8L * 1024 * 1024;

    /** Random access to the package's bytes, in memory or on disk. */
    interface Source {
        long length() throws IOException;

        void read(long position, byte[] into) throws IOException;
    }

    static Source of(byte[] bytes) {
        return new Source() {
            public long length() {
                return bytes.length;
            }

            public void read(long position, byte[] into) throws IOException {
                if (position < 0 || position + into.length > bytes.length) {
                    throw new EOFException();
                }
                System.arraycopy(bytes, (int) position, into, 0, into.length);
            }
        };
    }

    static Source of(RandomAccessFile file) {
        return new Source() {
            public long length() throws IOException {
                return file.length();
            }

            public void read(long position, byte[] into) throws IOException {
                if (position < 0 || position + into.length > file.length()) {
                    throw new EOFException();
                }
                file.seek(position);
                file.readFully(into);
            }
        };
    }

    /** One entry as the central directory lists it. */
    record Entry(String name, int flags, int method, long crc, long compressedSize, long size, long localOffset) {
    }

    private ZipLayout() {
    }

    /**
     * Why the file does not end with the end of its zip directory, in words: the directory has a comment after it, data
     * was added after it, or the file was cut short (no end record in the last 64 KiB).
     */
    private static String whyNoEndAtTheEnd(Source zip, long length) throws IOException {
        int n = (int) Math.min(length, 65_535L + 22);
        byte[] tail = new byte[n];
        zip.read(length - n, tail);
        for (int i = n - 22; i >= 0; i--) {
            if (int32(tail, i) == END) {
                long after = n - i - 22L;
                if (int16(tail, i + 20) == after) {
                    return "its zip directory carries a comment (" + after + " byte" + (after == 1 ? "" : "s") + " of text after "
                            + "it); a package has none, so it was changed after it was made";
                }
                return "data was added after the end of its zip directory (" + after + " byte" + (after == 1 ? "" : "s")
                        + "); a package ends with its directory, so it was changed after it was made";
            }
        }
        return "the end of its zip directory is missing: the file was cut short while copying or downloading, or is "
                + "not a whole package; ask for it to be sent again";
    }

    /** The entries, in order, once directory and local headers are found to agree; else the package is refused. */
    static List<Entry> check(Source zip) throws PackageRefused, IOException {
        long length = zip.length();
        if (length < 22) {
            throw refused("it is too short to be a zip");
        }
        byte[] end = new byte[22];
        zip.read(length - 22, end);
        if (int32(end, 0) != END) {
            throw refused(whyNoEndAtTheEnd(zip, length));
        }
        if (int16(end, 20) != 0) {
            throw refused("its zip directory carries a comment; a package has none");
        }
        int entries = int16(end, 10);
        if (int16(end, 4) != 0 || int16(end, 6) != 0 || int16(end, 8) != entries) {
            throw refused("it claims to span several disks");
        }
        long directorySize = uint32(end, 12);
        long directoryOffset = uint32(end, 16);
        if (directoryOffset + directorySize != length - 22) {
            throw refused("its zip directory (" + directorySize + " bytes at " + directoryOffset + ") does not end where "
                    + "the end record begins (" + (length - 22) + "): something was added or removed");
        }
        if (directorySize > MAX_DIRECTORY_BYTES) {
            throw refused("its zip directory lists more than a package holds");
        }
        byte[] directory = new byte[(int) directorySize];
        zip.read(directoryOffset, directory);
        List<Entry> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int p = 0;
        for (int i = 0; i < entries; i++) {
            if (p + 46 > directory.length || int32(directory, p) != CENTRAL) {
                throw refused("its zip directory is damaged at entry " + (i + 1));
            }
            int flags = int16(directory, p + 8);
            int method = int16(directory, p + 10);
            long crc = uint32(directory, p + 16);
            long compressed = uint32(directory, p + 20);
            long size = uint32(directory, p + 24);
            int nameLength = int16(directory, p + 28);
            int extraLength = int16(directory, p + 30);
            int commentLength = int16(directory, p + 32);
            int disk = int16(directory, p + 34);
            long offset = uint32(directory, p + 42);
            if (p + 46 + nameLength + extraLength + commentLength > directory.length) {
                throw refused("its zip directory is damaged at entry " + (i + 1));
            }
            String name = new String(directory, p + 46, nameLength, StandardCharsets.UTF_8);
            if ((flags & 1) != 0 || (method != 0 && method != 8) || disk != 0 || compressed == 0xFFFFFFFFL
                    || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
                throw refused("entry " + printable(name) + " is encrypted, compressed in a way packages are not, or "
                        + "in the zip64 form packages do not use");
            }
            if (!names.add(name)) {
                throw refused("its zip directory lists " + printable(name) + " twice");
            }
            list.add(new Entry(name, flags, method, crc, compressed, size, offset));
            p += 46 + nameLength + extraLength + commentLength;
        }
        if (p != directory.length) {
            throw refused("its zip directory holds " + (directory.length - p) + " bytes more than its " + entries + " entries");
        }
        long next = 0;
        for (Entry e : list) {
            if (e.localOffset() != next) {
                throw refused("entry " + printable(e.name()) + " does not start where the entry before it ends (at "
                        + e.localOffset() + ", not " + next + "): bytes hidden between entries, or an entry only one "
                        + "reading of the zip sees");
            }
            next = checkLocal(zip, e, directoryOffset);
        }
        if (next != directoryOffset) {
            throw refused("the last entry ends at " + next + ", but the zip directory starts at " + directoryOffset
                    + ": bytes hidden before the directory");
        }
        return list;
    }

    /** Checks the entry's local header and data descriptor against its directory entry; returns where it ends. */
    private static long checkLocal(Source zip, Entry e, long limit) throws PackageRefused, IOException {
        byte[] head = new byte[30];
        if (e.localOffset() + 30 > limit) {
            throw refused("entry " + printable(e.name()) + " starts past the end of the entries");
        }
        zip.read(e.localOffset(), head);
        int nameLength = int16(head, 26);
        int extraLength = int16(head, 28);
        if (int32(head, 0) != LOCAL || e.localOffset() + 30 + nameLength + extraLength > limit) {
            throw refused("entry " + printable(e.name()) + " has no local header where the zip directory says");
        }
        byte[] name = new byte[nameLength];
        zip.read(e.localOffset() + 30, name);
        if (!Arrays.equals(name, e.name().getBytes(StandardCharsets.UTF_8))) {
            throw refused("entry " + printable(e.name()) + " is named " + printable(new String(name, StandardCharsets.UTF_8))
                    + " in its local header: the zip directory and the entries disagree");
        }
        int flags = int16(head, 6);
        int method = int16(head, 8);
        long crc = uint32(head, 14);
        long compressed = uint32(head, 18);
        long size = uint32(head, 22);
        if (flags != e.flags() || method != e.method()) {
            throw refused("entry " + printable(e.name()) + " is stored differently in its local header and in the zip "
                    + "directory");
        }
        boolean described = (flags & 8) != 0;
        boolean headerAgrees = crc == e.crc() && compressed == e.compressedSize() && size == e.size();
        if (!headerAgrees && !(described && crc == 0 && compressed == 0 && size == 0)) {
            throw refused("entry " + printable(e.name()) + " has another CRC or size in its local header than in the zip "
                    + "directory");
        }
        long dataEnd = e.localOffset() + 30 + nameLength + extraLength + e.compressedSize();
        if (dataEnd > limit) {
            throw refused("entry " + printable(e.name()) + " runs past the start of the zip directory");
        }
        if (!described) {
            return dataEnd;
        }
        byte[] descriptor = new byte[Math.toIntExact(Math.min(16, limit - dataEnd))];
        if (descriptor.length < 12) {
            throw refused("entry " + printable(e.name()) + " has no data descriptor after its data");
        }
        zip.read(dataEnd, descriptor);
        int at = descriptor.length == 16 && int32(descriptor, 0) == DESCRIPTOR ? 4 : 0;
        if (uint32(descriptor, at) != e.crc() || uint32(descriptor, at + 4) != e.compressedSize()
                || uint32(descriptor, at + 8) != e.size()) {
            throw refused("entry " + printable(e.name()) + " has another CRC or size after its data than in the zip "
                    + "directory");
        }
        return dataEnd + at + 12;
    }

    private static PackageRefused refused(String why) {
        return new PackageRefused(null, "the package's zip cannot be read one way only: " + why
                + ". A package is refused unless every program reads the same entries from it.");
    }

    private static String printable(String name) {
        String s = name.replaceAll("[^\\x20-\\x7e]", "?");
        return "“" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "”";
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static long uint32(byte[] b, int at) {
        return int32(b, at) & 0xFFFFFFFFL;
    }
}
