package org.epaworkbench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.JsonFiles;

/**
 * An assessor's app talking to the organisation's intake service (ADR 13, docs/api.md). The service
 * is trusted only if its TLS certificate is issued by an organisation root the app trusts (pinned) for
 * this host; every request is signed with the assessor's key ({@link DeliveryRequests}). A package
 * goes in pieces, so a delivery cut off resumes where the service says it stopped, and counts as
 * delivered only with a receipt that checks ({@link Receipts#check}) for its exact bytes.
 */
public final class IntakeClient {

    /** Bytes per request: small enough to resume cheaply on a poor connection. */
    public static final int PIECE = 1 << 20;

    /** The service cannot be reached now (no network, service down, timed out): try again later. */
    public static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The service answered and will not take the package (or this assessor) as it is: trying again will not help. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        public Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A delivered package: the receipt as checked, and its signed bytes to keep. */
    public record Delivered(Receipt receipt, byte[] json, byte[] signature, boolean again) {
    }

    private final URI service;
    private final List<X509Certificate> roots;
    private final SigningIdentity identity;
    private final Clock clock;
    private final HttpClient http;
    private final int piece;

    /**
     * @param service the service's address, e.g. {@code https://intake.example.org:8443}
     * @param roots the organisation roots the service's certificate must chain to
     */
    public IntakeClient(URI service, List<X509Certificate> roots, SigningIdentity identity, Clock clock)
            throws GeneralSecurityException, IOException {
        this(service, roots, identity, clock, PIECE);
    }

    /** With pieces of {@code pieceBytes} (tests cut a small package into many). */
    public IntakeClient(URI service, List<X509Certificate> roots, SigningIdentity identity, Clock clock, int pieceBytes)
            throws GeneralSecurityException, IOException {
        this.piece = pieceBytes;
        if (!"https".equals(service.getScheme())) {
            throw new IllegalArgumentException("The service's address must start with https://");
        }
        this.service = service;
        this.roots = List.copyOf(roots);
        this.identity = identity;
        this.clock = clock;
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (int i = 0; i < roots.size(); i++) {
            trusted.setCertificateEntry("root-" + i, roots.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(15)).build();
    }

    /** Delivers the package file, resuming wherever the service has got to; {@code progress} gets bytes the service holds. */
    public Delivered deliver(Path file, String packageId, String sha256, LongConsumer progress)
            throws Unreachable, Refused, IOException {
        long length = Files.size(file);
        String path = "/api/v1/packages/" + sha256;
        JsonNode status = send("GET", path, 0, 0, HttpRequest.BodyPublishers.noBody());
        if ("received".equals(status.path("status").asText())) {
            return receipt(status, packageId, sha256);
        }
        long offset = status.path("offset").asLong(0);
        for (int round = 0; round < 10_000; round++) {
            progress.accept(offset);
            long end = Math.min(length, offset + piece);
            byte[] piece = new byte[(int) (end - offset)];
            try (var ch = java.nio.channels.FileChannel.open(file)) {
                ch.read(java.nio.ByteBuffer.wrap(piece), offset);
            }
            JsonNode answer = send("POST", path, offset, length, HttpRequest.BodyPublishers.ofByteArray(piece));
            switch (answer.path("status").asText()) {
                case "received" -> {
                    progress.accept(length);
                    return receipt(answer, packageId, sha256);
                }
                case "partial", "resume" -> offset = answer.path("offset").asLong();
                default -> throw new IOException("The service gave an answer the app does not know: " + answer);
            }
        }
        throw new IOException("The service did not finish taking the package.");
    }

    private Delivered receipt(JsonNode answer, String packageId, String sha256) throws Refused {
        byte[] json = Base64.getDecoder().decode(answer.path("receipt").asText());
        byte[] sig = Base64.getDecoder().decode(answer.path("signature").asText());
        try {
            return new Delivered(Receipts.check(json, sig, packageId, sha256, roots), json, sig, answer.path("again").asBoolean());
        } catch (Receipts.NotAccepted e) {
            throw new Refused("bad-receipt", e.getMessage() + " The package is not counted as delivered.");
        }
    }

    private JsonNode send(String method, String path, long offset, long length, HttpRequest.BodyPublisher body)
            throws Unreachable, Refused, IOException {
        Map<String, String> signed;
        try {
            signed = DeliveryRequests.sign(identity, method, path, offset, length, clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IOException("The request could not be signed with the assessor's key: " + e.getMessage(), e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofMinutes(2)).method(method, body);
        signed.forEach(b::header);
        if (method.equals("POST")) {
            b.header("Upload-Offset", String.valueOf(offset)).header("Upload-Length", String.valueOf(length))
                    .header("Content-Type", "application/octet-stream");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (javax.net.ssl.SSLHandshakeException e) {
            throw new Refused("untrusted-service", "The service at " + service + " did not show a certificate issued by the "
                    + "organisation root this app trusts for that address; nothing was sent.");
        } catch (IOException e) {
            throw new Unreachable("The service at " + service + " cannot be reached now (" + plain(e) + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Delivery was stopped.", e);
        }
        JsonNode answer;
        try (InputStream in = response.body()) {
            answer = JsonFiles.mapper().readTree(in.readNBytes(1 << 20));
        } catch (IOException e) {
            throw new Unreachable("The service's answer was cut off (" + plain(e) + ").", e);
        }
        int code = response.statusCode();
        if (code == 409 && "wrong-offset".equals(answer.path("code").asText())) {
            long at = response.headers().firstValueAsLong("Upload-Offset").orElse(0);
            return JsonFiles.mapper().createObjectNode().put("status", "resume").put("offset", at);
        }
        if (code == 409 || code >= 500) {
            throw new Unreachable("The service could not take it now: " + answer.path("message").asText("HTTP " + code), null);
        }
        if (code >= 400) {
            throw new Refused(answer.path("code").asText("http-" + code), answer.path("message").asText("HTTP " + code));
        }
        return answer;
    }

    private static String plain(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
