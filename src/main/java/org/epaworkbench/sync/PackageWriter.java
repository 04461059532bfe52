package org.epaworkbench.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.Cms;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.record.RecordProducer;

/**
 * Writes a package: the entries, a manifest listing each with its size and SHA-256, the manifest's
 * detached CMS signature, all in a zip with entries in a fixed order and fixed times (the same
 * content gives the same bytes); optionally encrypted to the organisation's certificate.
 */
final class PackageWriter {

    /** An entry's content: bytes held in memory (JSON, PDFs) or a file streamed from disk (recordings). */
    private final Map<String, Object> entries = new LinkedHashMap<>();

    void add(String name, byte[] content) {
        put(name, content);
    }

    /** An entry streamed from {@code file} when the package is written: never held whole in memory. */
    void addFile(String name, java.nio.file.Path file) {
        put(name, file);
    }

    private void put(String name, Object content) {
        String problem = PackageFormat.unsafeName(name);
        if (problem != null) {
            throw new IllegalArgumentException("entry " + name + " " + problem);
        }
        if (entries.putIfAbsent(name, content) != null) {
            throw new IllegalArgumentException("entry " + name + " added twice");
        }
    }

    /** The package's bytes, in memory (tests, small packages). */
    byte[] write(String packageId, Instant createdAt, String deviceId, SigningIdentity identity,
            X509Certificate encryptTo) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeZip(out, packageId, createdAt, deviceId, identity);
        byte[] zipped = out.toByteArray();
        return encryptTo == null ? zipped : Cms.encryptFor(zipped, encryptTo);
    }

    /**
     * Writes the package's zip to {@code target}, streaming file entries. The manifest's assessor is the signing
     * certificate's holder, as the certificate names them (the importer refuses a manifest that says otherwise).
     */
    void writeZip(java.io.OutputStream target, String packageId, Instant createdAt, String deviceId,
            SigningIdentity identity) throws IOException, GeneralSecurityException {
        X509Certificate cert = identity.certificate();
        ObjectNode manifest = JsonFiles.mapper().createObjectNode();
        manifest.put("formatVersion", PackageFormat.FORMAT_VERSION).put("packageId", packageId)
                .put("createdAt", createdAt.toString()).put("deviceId", deviceId);
        manifest.putObject("assessor").put("name", Certificates.commonName(cert))
                .put("assessorNumber", SignerRegister.assessorNumber(cert))
                .put("organisation", Certificates.attribute(cert.getSubjectX500Principal(), "O"));
        manifest.put("certificateFingerprint", Certificates.fingerprint(identity.certificate()));
        ArrayNode list = manifest.putArray("entries");
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            if (e.getValue() instanceof byte[] b) {
                list.addObject().put("name", e.getKey()).put("size", b.length).put("sha256", RecordProducer.sha256(b));
            } else {
                java.nio.file.Path f = (java.nio.file.Path) e.getValue();
                list.addObject().put("name", e.getKey()).put("size", java.nio.file.Files.size(f))
                        .put("sha256", org.epaworkbench.store.RecordingFiles.sha256Of(f));
            }
        }
        byte[] manifestBytes = PackageJson.bytes(manifest);
        byte[] signature = Cms.signDetached(manifestBytes, identity);

        ZipOutputStream zip = new ZipOutputStream(target);
        put(zip, PackageFormat.MANIFEST, manifestBytes, createdAt);
        put(zip, PackageFormat.SIGNATURE, signature, createdAt);
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            put(zip, e.getKey(), e.getValue(), createdAt);
        }
        zip.finish();
        zip.flush();
    }

    private static void put(ZipOutputStream zip, String name, Object content, Instant time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time.toEpochMilli());
        zip.putNextEntry(entry);
        if (content instanceof byte[] b) {
            zip.write(b);
        } else {
            java.nio.file.Files.copy((java.nio.file.Path) content, zip);
        }
        zip.closeEntry();
    }
}
