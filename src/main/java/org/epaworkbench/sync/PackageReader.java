package org.epaworkbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.bouncycastle.cms.CMSException;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.Cms;
import org.epaworkbench.report.RecordProducer;

/**
 * Opens a package and trusts nothing in it until it has checked everything: the file is a complete
 * zip (or an envelope it can decrypt), every entry name is safe and appears once, sizes stay within
 * limits however the zip describes itself, the manifest is of a known format and its signature is
 * valid, and every entry matches the manifest's size and SHA-256 exactly, no more and no fewer.
 */
final class PackageReader {

    /** A package whose integrity has been checked. */
    record Opened(JsonNode manifest, Cms.Verified signer, Map<String, byte[]> entries, boolean encrypted) {
    }

    private PackageReader() {
    }

    static boolean isEncrypted(byte[] file) {
        return file.length > 0 && (file[0] & 0xff) == 0x30;
    }

    static Opened open(byte[] file, PrivateKey decryptionKey) throws PackageRefused {
        if (file.length > PackageFormat.MAX_PACKAGE_BYTES) {
            throw new PackageRefused(null, "the package is larger than " + PackageFormat.MAX_PACKAGE_BYTES + " bytes");
        }
        boolean encrypted = false;
        byte[] zip = file;
        if (isEncrypted(file)) {
            if (decryptionKey == null) {
                throw new PackageRefused(null, "the package is encrypted for an organisation; open it with that "
                        + "organisation's key (import --key ORG.p12)");
            }
            try {
                zip = Cms.decrypt(file, decryptionKey);
            } catch (GeneralSecurityException | IOException | RuntimeException e) {
                throw new PackageRefused(null, "cannot decrypt the package: " + e.getMessage());
            }
            encrypted = true;
        }
        if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K' || zip[2] != 3 || zip[3] != 4) {
            throw new PackageRefused(null, "not an EPA Workbench package (not a zip, not an encrypted package)");
        }
        if (!hasEndOfCentralDirectory(zip)) {
            throw new PackageRefused(null, "the package is truncated or damaged (its zip directory is missing)");
        }
        Map<String, byte[]> entries = unzip(zip);

        byte[] manifestBytes = entries.get(PackageFormat.MANIFEST);
        if (manifestBytes == null) {
            throw new PackageRefused(PackageFormat.MANIFEST, "missing");
        }
        byte[] signature = entries.get(PackageFormat.SIGNATURE);
        if (signature == null) {
            throw new PackageRefused(PackageFormat.SIGNATURE, "missing: the package is not signed");
        }
        JsonNode version = peekVersion(manifestBytes);
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

        Map<String, byte[]> content = new LinkedHashMap<>();
        Set<String> listed = new HashSet<>();
        for (JsonNode e : manifest.get("entries")) {
            String name = e.get("name").asText();
            if (!listed.add(name)) {
                throw new PackageRefused(name, "listed twice in the manifest");
            }
            if (name.equals(PackageFormat.MANIFEST) || name.equals(PackageFormat.SIGNATURE)) {
                throw new PackageRefused(name, "may not be listed in the manifest");
            }
            byte[] bytes = entries.get(name);
            if (bytes == null) {
                throw new PackageRefused(name, "listed in the manifest but missing from the package");
            }
            if (bytes.length != e.get("size").asLong()) {
                throw new PackageRefused(name, "is " + bytes.length + " bytes; the manifest says " + e.get("size").asLong());
            }
            if (!RecordProducer.sha256(bytes).equals(e.get("sha256").asText())) {
                throw new PackageRefused(name, "does not match its SHA-256 in the manifest: it was changed");
            }
            content.put(name, bytes);
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name) && !name.equals(PackageFormat.MANIFEST) && !name.equals(PackageFormat.SIGNATURE)) {
                throw new PackageRefused(name, "is in the package but not in the signed manifest");
            }
        }
        return new Opened(manifest, signer, content, encrypted);
    }

    private static JsonNode peekVersion(byte[] manifest) {
        try {
            return org.epaworkbench.packs.JsonFiles.mapper().readTree(manifest).get("formatVersion");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The zip's end-of-central-directory record must be in its last 64 KiB + 22 bytes. */
    private static boolean hasEndOfCentralDirectory(byte[] zip) {
        int stop = Math.max(0, zip.length - 65_557);
        for (int i = zip.length - 22; i >= stop; i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws PackageRefused {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    throw new PackageRefused(name, "is a folder entry; packages hold files only");
                }
                String problem = PackageFormat.unsafeName(name);
                if (problem != null) {
                    throw new PackageRefused(name, problem);
                }
                if (entries.containsKey(name)) {
                    throw new PackageRefused(name, "appears twice in the package");
                }
                if (entries.size() >= PackageFormat.MAX_ENTRIES) {
                    throw new PackageRefused(null, "has more than " + PackageFormat.MAX_ENTRIES + " entries");
                }
                byte[] bytes = readBounded(in, name, PackageFormat.MAX_ENTRY_BYTES);
                total += bytes.length;
                if (total > PackageFormat.MAX_TOTAL_BYTES) {
                    throw new PackageRefused(name, "the package unpacks to more than " + PackageFormat.MAX_TOTAL_BYTES
                            + " bytes (a zip bomb?)");
                }
                entries.put(name, bytes);
            }
        } catch (ZipException | EOFException e) {
            throw new PackageRefused(null, "the package is truncated or damaged: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new PackageRefused(null, "the package cannot be read: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new PackageRefused(null, "the package is empty");
        }
        return entries;
    }

    /** Reads an entry, refusing it as soon as it passes {@code max} bytes, whatever its header claims. */
    private static byte[] readBounded(InputStream in, String name, long max) throws IOException, PackageRefused {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > max) {
                throw new PackageRefused(name, "unpacks to more than " + max + " bytes (a zip bomb?)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
