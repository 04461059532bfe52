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

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    void add(String name, byte[] content) {
        String problem = PackageFormat.unsafeName(name);
        if (problem != null) {
            throw new IllegalArgumentException("entry " + name + " " + problem);
        }
        if (entries.putIfAbsent(name, content) != null) {
            throw new IllegalArgumentException("entry " + name + " added twice");
        }
    }

    /**
     * Writes the package. The manifest's assessor is the signing certificate's holder, as the
     * certificate names them (the importer refuses a manifest that says otherwise).
     */
    byte[] write(String packageId, Instant createdAt, String deviceId, SigningIdentity identity,
            X509Certificate encryptTo) throws IOException, GeneralSecurityException {
        X509Certificate cert = identity.certificate();
        ObjectNode manifest = JsonFiles.mapper().createObjectNode();
        manifest.put("formatVersion", PackageFormat.FORMAT_VERSION).put("packageId", packageId)
                .put("createdAt", createdAt.toString()).put("deviceId", deviceId);
        manifest.putObject("assessor").put("name", Certificates.commonName(cert))
                .put("assessorNumber", SignerRegister.assessorNumber(cert))
                .put("organisation", Certificates.attribute(cert.getSubjectX500Principal(), "O"));
        manifest.put("certificateFingerprint", Certificates.fingerprint(identity.certificate()));
        ArrayNode list = manifest.putArray("entries");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            list.addObject().put("name", e.getKey()).put("size", e.getValue().length)
                    .put("sha256", RecordProducer.sha256(e.getValue()));
        }
        byte[] manifestBytes = PackageJson.bytes(manifest);
        byte[] signature = Cms.signDetached(manifestBytes, identity);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, PackageFormat.MANIFEST, manifestBytes, createdAt);
            put(zip, PackageFormat.SIGNATURE, signature, createdAt);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue(), createdAt);
            }
        }
        byte[] zipped = out.toByteArray();
        return encryptTo == null ? zipped : Cms.encryptFor(zipped, encryptTo);
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, Instant time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time.toEpochMilli());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
