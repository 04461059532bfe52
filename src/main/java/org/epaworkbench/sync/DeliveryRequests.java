package org.epaworkbench.sync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;

/**
 * How an assessor's app proves to the intake service who is delivering (ADR 13): every request
 * carries the assessor's certificate chain, the time, and a signature made with the assessor's
 * private key over the request's method, path, upload offset and length, and that time. The service
 * accepts it only from a certificate it trusts (its register or the organisation root), never from a
 * service certificate, within {@link #MAX_SKEW} of its own clock.
 */
public final class DeliveryRequests {

    public static final String CERTIFICATES = "X-EPA-Certificates";
    public static final String TIME = "X-EPA-Time";
    public static final String SIGNATURE = "X-EPA-Signature";
    /** How far the request's time may be from the service's clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private DeliveryRequests() {
    }

    /** The headers that sign a request. */
    public static Map<String, String> sign(SigningIdentity identity, String method, String path, long offset, long length,
            Instant now) throws GeneralSecurityException {
        String time = now.toString();
        Signature s = Signature.getInstance(algorithm(identity.privateKey()));
        s.initSign(identity.privateKey());
        s.update(signedText(method, path, offset, length, time));
        List<String> chain = new ArrayList<>();
        for (X509Certificate c : identity.chain()) {
            chain.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        return Map.of(CERTIFICATES, String.join(",", chain), TIME, time, SIGNATURE,
                Base64.getEncoder().encodeToString(s.sign()));
    }

    /** Who signed a request, once its signature checks. */
    public record Signer(X509Certificate certificate, List<X509Certificate> chain) {
        public String fingerprint() {
            return Certificates.fingerprint(certificate);
        }
    }

    /** A request that does not prove who sent it, and why (HTTP 401). */
    public static final class NotSigned extends Exception {
        private static final long serialVersionUID = 1L;

        public NotSigned(String message) {
            super(message);
        }
    }

    /** Checks the signature headers of a request; says nothing yet about whether the signer is trusted. */
    public static Signer check(String certificates, String time, String signature, String method, String path, long offset,
            long length, Instant now) throws NotSigned {
        if (certificates == null || time == null || signature == null) {
            throw new NotSigned("The request is not signed: it needs the headers " + CERTIFICATES + ", " + TIME + " and "
                    + SIGNATURE + ".");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (String c : certificates.split(",", 8)) {
                chain.add(Certificates.fromBytes(Base64.getDecoder().decode(c.strip())));
            }
        } catch (IllegalArgumentException | CertificateException e) {
            throw new NotSigned("The request's certificates cannot be read.");
        }
        Instant at;
        try {
            at = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new NotSigned("The request's time is not a time.");
        }
        if (Duration.between(at, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new NotSigned("The request's time (" + at + ") is more than " + MAX_SKEW.toMinutes() + " minutes from the "
                    + "service's clock (" + now + "): check the computer's clock.");
        }
        X509Certificate signer = chain.get(0);
        if (OrganisationAuthority.isServiceCertificate(signer)) {
            throw new NotSigned("The request is signed with a service's certificate, not an assessor's.");
        }
        try {
            signer.checkValidity(java.util.Date.from(now));
        } catch (CertificateException e) {
            throw new NotSigned("The assessor's certificate is not valid now (valid " + signer.getNotBefore().toInstant()
                    + " to " + signer.getNotAfter().toInstant() + ").");
        }
        try {
            PublicKey key = signer.getPublicKey();
            Signature s = Signature.getInstance(algorithm(key));
            s.initVerify(key);
            s.update(signedText(method, path, offset, length, time));
            if (!s.verify(Base64.getDecoder().decode(signature))) {
                throw new NotSigned("The request's signature does not match it.");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NotSigned("The request's signature cannot be checked.");
        }
        return new Signer(signer, List.copyOf(chain));
    }

    private static byte[] signedText(String method, String path, long offset, long length, String time) {
        return ("epa-workbench-delivery/1\n" + method + "\n" + path + "\n" + offset + "\n" + length + "\n" + time)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String algorithm(java.security.Key key) {
        return key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }
}
