package org.epaworkbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.HashSet;
import java.util.List;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.bouncycastle.cms.CMSException;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.Cms;

/**
 * Opens a package and trusts nothing in it until it has checked it, in an order that never holds
 * more than it must: the file is a complete zip (or an envelope it can decrypt); its first two
 * entries are the manifest and its signature, read (bounded) and checked before anything else; the
 * manifest's list of entries is checked against the limits (names, kinds, declared sizes, the
 * total); then each entry is read as a stream, capped at the size the manifest declares, hashed as
 * it goes, and held only if it is JSON (PDFs are streamed to a staging folder). An entry that is not
 * listed, appears twice, runs past its declared size or differs from its SHA-256 refuses the package
 * at once, whatever the zip headers claim.
 */
final class PackageReader implements AutoCloseable {

    /** One entry as the signed manifest lists it. */
    record Listed(String name, long size, String sha256) {
    }

    /** The entries, read and checked: JSON held in memory, PDFs and recordings in the staging folder. */
    record Entries(Map<String, byte[]> json, Map<String, Path> pdfs, Map<String, Path> recordings) {
    }

    private final ZipInputStream zip;
    private final JsonNode manifest;
    private final Cms.Verified signer;
    private final boolean encrypted;
    private final Map<String, Listed> listed;
    private long inflated;

    private PackageReader(ZipInputStream zip, JsonNode manifest, Cms.Verified signer, boolean encrypted,
            Map<String, Listed> listed, long inflated) {
        this.zip = zip;
        this.manifest = manifest;
        this.signer = signer;
        this.encrypted = encrypted;
        this.listed = listed;
        this.inflated = inflated;
    }

    static boolean isEncrypted(byte[] file) {
        return file.length > 0 && (file[0] & 0xff) == 0x30;
    }

    JsonNode manifest() {
        return manifest;
    }

    Cms.Verified signer() {
        return signer;
    }

    boolean encrypted() {
        return encrypted;
    }

    /** The SHA-256 and size the signed manifest gives an entry, or null when it lists no such entry. */
    Listed listed(String name) {
        return listed.get(name);
    }

    /** How many bytes have been unpacked so far: never more than the manifest declares, plus one per entry. */
    long inflated() {
        return inflated;
    }

    /** Opens a package held in memory (tests; small packages). */
    static PackageReader open(byte[] file, PrivateKey decryptionKey) throws PackageRefused {
        if (file.length > PackageFormat.MAX_PACKAGE_BYTES) {
            throw tooLarge();
        }
        if (isEncrypted(file)) {
            if (file.length > PackageFormat.MAX_ENCRYPTED_PACKAGE_BYTES) {
                throw tooLargeEncrypted();
            }
            return openZip(decrypt(file, decryptionKey), true);
        }
        return openZip(file, false);
    }

    /** Opens a package file, streaming it from disk (an encrypted one is decrypted in memory first). */
    static PackageReader open(Path file, PrivateKey decryptionKey) throws PackageRefused, IOException {
        long size = Files.size(file);
        if (size > PackageFormat.MAX_PACKAGE_BYTES) {
            throw tooLarge();
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (head.length > 0 && (head[0] & 0xff) == 0x30) {
            if (size > PackageFormat.MAX_ENCRYPTED_PACKAGE_BYTES) {
                throw tooLargeEncrypted();
            }
            return openZip(decrypt(Files.readAllBytes(file), decryptionKey), true);
        }
        checkZipShape(head, tail(file, size));
        List<ZipLayout.Entry> layout;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            layout = ZipLayout.check(ZipLayout.of(f));
        } catch (EOFException e) {
            throw new PackageRefused(null, damaged(e));
        }
        InputStream in = Files.newInputStream(file);
        try {
            return start(new ZipInputStream(new BufferedInputStream(in, 64 * 1024)), false, layout);
        } catch (PackageRefused | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static PackageRefused tooLarge() {
        return new PackageRefused(null, "the package is larger than " + PackageFormat.MAX_PACKAGE_BYTES + " bytes");
    }

    private static PackageRefused tooLargeEncrypted() {
        return new PackageRefused(null, "the package is encrypted and larger than "
                + PackageFormat.MAX_ENCRYPTED_PACKAGE_BYTES + " bytes (an encrypted package is opened in memory); ask for "
                + "fewer sessions in each package");
    }

    private static byte[] decrypt(byte[] file, PrivateKey decryptionKey) throws PackageRefused {
        if (decryptionKey == null) {
            throw new PackageRefused(null, "the package is encrypted for an organisation; open it with that "
                    + "organisation's key (import --key ORG.p12, or choose the key on the Import screen)");
        }
        try {
            return Cms.decrypt(file, decryptionKey);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new PackageRefused(null, "cannot decrypt the package: " + e.getMessage());
        }
    }

    private static PackageReader openZip(byte[] zip, boolean encrypted) throws PackageRefused {
        int tailLength = (int) Math.min(zip.length, 65_557);
        byte[] tail = new byte[tailLength];
        System.arraycopy(zip, zip.length - tailLength, tail, 0, tailLength);
        checkZipShape(java.util.Arrays.copyOf(zip, Math.min(4, zip.length)), tail);
        List<ZipLayout.Entry> layout;
        try {
            layout = ZipLayout.check(ZipLayout.of(zip));
        } catch (IOException e) {
            throw new PackageRefused(null, damaged(e));
        }
        return start(new ZipInputStream(new ByteArrayInputStream(zip)), encrypted, layout);
    }

    private static byte[] tail(Path file, long size) throws IOException {
        int n = (int) Math.min(size, 65_557);
        byte[] tail = new byte[n];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(size - n);
            f.readFully(tail);
        }
        return tail;
    }

    /** A zip starts with a local header and has its end-of-central-directory record in its last 64 KiB + 22 bytes. */
    private static void checkZipShape(byte[] head, byte[] tail) throws PackageRefused {
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            throw new PackageRefused(null, "not an EPA Workbench package (not a zip, not an encrypted package)");
        }
        boolean found = false;
        for (int i = tail.length - 22; i >= 0 && !found; i--) {
            found = tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6;
        }
        if (!found) {
            throw new PackageRefused(null, "the package is incomplete or damaged (its zip directory is missing), probably cut short while "
                    + "copying or downloading; ask for it to be sent again");
        }
    }

    /** Reads and checks the manifest and its signature, the package's first two entries, and the manifest's list. */
    private static PackageReader start(ZipInputStream zip, boolean encrypted, List<ZipLayout.Entry> layout)
            throws PackageRefused {
        try {
            byte[] manifestBytes = firstEntries(zip, PackageFormat.MANIFEST, PackageFormat.MAX_MANIFEST_BYTES, true);
            byte[] signature = firstEntries(zip, PackageFormat.SIGNATURE, PackageFormat.MAX_SIGNATURE_BYTES, false);
            JsonNode version = peekVersion(manifestBytes);
            if (version != null && version.isInt() && version.asInt() < PackageFormat.FORMAT_VERSION) {
                throw new PackageRefused(PackageFormat.MANIFEST, "format version " + version.asInt() + " was written by an "
                        + "earlier EPA Workbench, before session logs were chained to their assessor's key; this version "
                        + "reads format " + PackageFormat.FORMAT_VERSION + ". Ask the assessor to update the app and export again");
            }
            if (version != null && version.isInt() && version.asInt() != PackageFormat.FORMAT_VERSION) {
                throw new PackageRefused(PackageFormat.MANIFEST, "format version " + version.asInt()
                        + " is unknown; this version of EPA Workbench reads format " + PackageFormat.FORMAT_VERSION);
            }
            JsonNode manifest = PackageJson.read(PackageFormat.MANIFEST, manifestBytes, "manifest");
            Cms.Verified signer;
            try {
                signer = Cms.verifyDetached(signature, manifestBytes);
            } catch (CMSException | IOException | GeneralSecurityException | RuntimeException e) {
                throw new PackageRefused(PackageFormat.SIGNATURE, "the signature cannot be read: " + e.getMessage());
            }
            if (!signer.ok()) {
                throw new PackageRefused(PackageFormat.MANIFEST, "does not match its signature: it was changed after signing");
            }
            String fingerprint = Certificates.fingerprint(signer.signer());
            if (!fingerprint.equals(manifest.get("certificateFingerprint").asText())) {
                throw new PackageRefused(PackageFormat.MANIFEST, "names certificate " + manifest.get("certificateFingerprint").asText()
                        + " but was signed with " + fingerprint);
            }
            Map<String, Listed> listed = checkList(manifest);
            checkDirectoryAgainstManifest(layout, listed);
            return new PackageReader(zip, manifest, signer, encrypted, listed,
                    manifestBytes.length + (long) signature.length);
        } catch (ZipException | EOFException e) {
            throw new PackageRefused(null, damaged(e));
        } catch (IOException | IllegalArgumentException e) {
            throw new PackageRefused(null, "the package cannot be read: " + e.getMessage());
        }
    }

    /** The next entry, which must be {@code expected}: the manifest and its signature come first. */
    private static byte[] firstEntries(ZipInputStream zip, String expected, long max, boolean first)
            throws IOException, PackageRefused {
        ZipEntry entry = zip.getNextEntry();
        if (entry == null) {
            throw first ? new PackageRefused(null, "the package is empty")
                    : new PackageRefused(PackageFormat.SIGNATURE, "missing: the package is not signed");
        }
        if (!entry.getName().equals(expected)) {
            if (first) {
                throw new PackageRefused(PackageFormat.MANIFEST, "missing: a package starts with " + PackageFormat.MANIFEST
                        + " and " + PackageFormat.SIGNATURE + " (its first entry is " + printableName(entry.getName()) + ")");
            }
            throw new PackageRefused(PackageFormat.SIGNATURE, "missing: the package is not signed (the entry after the "
                    + "manifest must be its signature, not " + printableName(entry.getName()) + ")");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = copyBounded(zip, out, max, null);
        if (n > max) {
            throw new PackageRefused(expected, "is larger than " + max + " bytes");
        }
        return out.toByteArray();
    }

    private static String printableName(String name) {
        String s = name.replaceAll("[^\\x20-\\x7e]", "?");
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private static JsonNode peekVersion(byte[] manifest) {
        try {
            return org.epaworkbench.packs.JsonFiles.mapper().readTree(manifest).get("formatVersion");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The zip directory lists exactly the manifest, its signature and the entries the signed manifest
     * lists, in that order for the first two: nothing outside the manifest, nothing missing.
     */
    private static void checkDirectoryAgainstManifest(List<ZipLayout.Entry> layout, Map<String, Listed> listed)
            throws PackageRefused {
        if (layout.size() < 2 || !layout.get(0).name().equals(PackageFormat.MANIFEST)
                || !layout.get(1).name().equals(PackageFormat.SIGNATURE)) {
            throw new PackageRefused(null, "the package's zip directory does not list " + PackageFormat.MANIFEST + " and "
                    + PackageFormat.SIGNATURE + " first, as its entries do");
        }
        Set<String> inZip = new HashSet<>();
        for (ZipLayout.Entry e : layout.subList(2, layout.size())) {
            if (!listed.containsKey(e.name())) {
                throw new PackageRefused(printableName(e.name()), "is in the package's zip directory but not in the signed "
                        + "manifest");
            }
            inZip.add(e.name());
        }
        for (String name : listed.keySet()) {
            if (!inZip.contains(name)) {
                throw new PackageRefused(name, "listed in the manifest but missing from the package's zip directory");
            }
        }
    }

    /** The manifest's list: safe names, each once, of a kind the format has, within the limits. */
    private static Map<String, Listed> checkList(JsonNode manifest) throws PackageRefused {
        Map<String, Listed> listed = new LinkedHashMap<>();
        JsonNode entries = manifest.get("entries");
        if (entries.size() > PackageFormat.MAX_ENTRIES) {
            throw new PackageRefused(PackageFormat.MANIFEST, "lists " + entries.size() + " entries; a package has at most "
                    + PackageFormat.MAX_ENTRIES + " entries");
        }
        long total = 0;
        long json = 0;
        for (JsonNode e : entries) {
            String name = e.get("name").asText();
            long size = e.get("size").asLong();
            if (name.equals(PackageFormat.MANIFEST) || name.equals(PackageFormat.SIGNATURE)) {
                throw new PackageRefused(name, "may not be listed in the manifest");
            }
            String problem = PackageFormat.unsafeName(name);
            if (problem != null) {
                throw new PackageRefused(name, problem);
            }
            if (listed.containsKey(name)) {
                throw new PackageRefused(name, "listed twice in the manifest");
            }
            boolean isJson = PackageFormat.isJson(name);
            boolean isRecording = PackageFormat.isRecording(name);
            if (!isJson && !isRecording && !PackageFormat.isPdf(name)) {
                throw new PackageRefused(name, "is not a kind of entry this format has");
            }
            long max = isJson ? PackageFormat.MAX_JSON_ENTRY_BYTES
                    : isRecording ? PackageFormat.MAX_RECORDING_BYTES : PackageFormat.MAX_ENTRY_BYTES;
            if (size > max) {
                throw new PackageRefused(name, "is " + size + " bytes; an entry of this kind may be at most " + max
                        + " bytes (a zip bomb?)");
            }
            total += size;
            json += isJson ? size : 0;
            if (total > PackageFormat.MAX_TOTAL_BYTES) {
                throw new PackageRefused(PackageFormat.MANIFEST, "the package unpacks to more than "
                        + PackageFormat.MAX_TOTAL_BYTES + " bytes (a zip bomb?)");
            }
            if (json > PackageFormat.MAX_JSON_TOTAL_BYTES) {
                throw new PackageRefused(PackageFormat.MANIFEST, "the package's records unpack to more than "
                        + PackageFormat.MAX_JSON_TOTAL_BYTES + " bytes of JSON (a zip bomb?)");
            }
            listed.put(name, new Listed(name, size, e.get("sha256").asText()));
        }
        return listed;
    }

    /**
     * Reads every other entry as a stream, each capped at its declared size and checked against its
     * SHA-256 as it is read; PDFs go to files in {@code staging}.
     */
    Entries readEntries(Path staging) throws PackageRefused, IOException {
        Map<String, byte[]> json = new LinkedHashMap<>();
        Map<String, Path> pdfs = new LinkedHashMap<>();
        Map<String, Path> recordings = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int count = 0;
        String current = null;
        try {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                current = PackageFormat.unsafeName(name) == null ? name : null;
                if (entry.isDirectory()) {
                    throw new PackageRefused(name, "is a folder entry; packages hold files only");
                }
                String problem = PackageFormat.unsafeName(name);
                if (problem != null) {
                    throw new PackageRefused(name, problem);
                }
                if (name.equals(PackageFormat.MANIFEST) || name.equals(PackageFormat.SIGNATURE) || !seen.add(name)) {
                    throw new PackageRefused(name, "appears twice in the package");
                }
                if (++count > PackageFormat.MAX_ENTRIES) {
                    throw new PackageRefused(null, "has more than " + PackageFormat.MAX_ENTRIES + " entries");
                }
                Listed l = listed.get(name);
                if (l == null) {
                    throw new PackageRefused(name, "is in the package but not in the signed manifest");
                }
                MessageDigest digest = sha256();
                long n;
                if (PackageFormat.isJson(name)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream((int) l.size());
                    n = copyBounded(zip, out, l.size(), digest);
                    json.put(name, out.toByteArray());
                } else {
                    boolean recording = PackageFormat.isRecording(name);
                    Path file = staging.resolve("entry-" + count + (recording ? ".recording" : ".pdf"));
                    org.epaworkbench.store.OwnerOnly.createFile(file);
                    try (OutputStream out = Files.newOutputStream(file)) {
                        n = copyBounded(zip, out, l.size(), digest);
                    }
                    (recording ? recordings : pdfs).put(name, file);
                }
                inflated += n;
                if (n > l.size()) {
                    throw new PackageRefused(name, "unpacks to more than the " + l.size() + " bytes the manifest says "
                            + "(a zip bomb?)");
                }
                if (n != l.size()) {
                    throw new PackageRefused(name, "is " + n + " bytes; the manifest says " + l.size());
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(l.sha256())) {
                    throw new PackageRefused(name, "does not match its SHA-256 in the manifest: it was changed");
                }
            }
        } catch (ZipException | EOFException e) {
            throw new PackageRefused(current, damaged(e));
        } catch (IllegalArgumentException e) {
            throw new PackageRefused(current, "the package cannot be read: " + e.getMessage());
        }
        for (String name : listed.keySet()) {
            if (!seen.contains(name)) {
                throw new PackageRefused(name, "listed in the manifest but missing from the package");
            }
        }
        return new Entries(json, pdfs, recordings);
    }

    /**
     * Copies at most {@code max + 1} bytes (enough to tell that an entry is too long, never more),
     * feeding the digest; returns how many were copied.
     */
    private static long copyBounded(InputStream in, OutputStream out, long max, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        while (copied <= max) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - copied));
            if (n < 0) {
                break;
            }
            if (digest != null) {
                digest.update(buffer, 0, n);
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    /** In plain words; the zip library's own words go to the log only (for whoever looks into it), never to the user. */
    private static String damaged(IOException e) {
        System.getLogger(PackageReader.class.getName()).log(System.Logger.Level.DEBUG, "damaged package entry", e);
        return "the package is incomplete or damaged, probably cut short or changed while copying or downloading; "
                + "ask for it to be sent again";
    }
}
