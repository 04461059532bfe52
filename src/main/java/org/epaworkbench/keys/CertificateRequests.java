package org.epaworkbench.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.epaworkbench.people.AssessorProfile;

/**
 * Certificate signing requests (PKCS#10): an assessor's app asks its organisation to certify the
 * public key of its signing identity. The request is signed with that key, which proves the
 * requester holds it; the private key never leaves the assessor's keystore.
 */
public final class CertificateRequests {

    private CertificateRequests() {
    }

    /** What a request asks for, checked: who, and the key. */
    public record Request(String name, String assessorNumber, String organisation, PublicKey publicKey,
            PKCS10CertificationRequest pkcs10) {
        /** "Sam Assessor, assessor number EPA-000123 (says: Highfield Assessment)". */
        public String describe() {
            return name + (assessorNumber.isEmpty() ? " (no assessor number)" : ", assessor number " + assessorNumber)
                    + (organisation.isEmpty() ? "" : " (says: " + organisation + ")");
        }
    }

    /** The subject an assessor's certificate names: the profile's name, number and organisation. */
    static X500Name subject(AssessorProfile profile) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        name.addRDN(BCStyle.CN, profile.name());
        if (!profile.assessorNumber().isEmpty()) {
            name.addRDN(BCStyle.SERIALNUMBER, profile.assessorNumber());
        }
        name.addRDN(BCStyle.OU, "Independent end-point assessor");
        if (!profile.organisation().isEmpty()) {
            name.addRDN(BCStyle.O, profile.organisation());
        }
        name.addRDN(BCStyle.C, "GB");
        return name.build();
    }

    /** A request for the identity's key, naming the assessor as the profile does; PEM text. */
    public static String create(SigningIdentity identity, AssessorProfile profile) throws GeneralSecurityException, IOException {
        try {
            String algorithm = switch (identity.privateKey().getAlgorithm()) {
                case "EC", "ECDSA" -> "SHA256withECDSA";
                default -> "SHA256withRSA";
            };
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject(profile),
                    identity.certificate().getPublicKey()).build(new JcaContentSignerBuilder(algorithm).build(identity.privateKey()));
            return "-----BEGIN CERTIFICATE REQUEST-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(csr.getEncoded())
                    + "\n-----END CERTIFICATE REQUEST-----\n";
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot make the request: " + e.getMessage(), e);
        }
    }

    /** Reads and checks a request (PEM or DER): well formed, signed by its own key, a name, a strong enough key. */
    public static Request read(String file, byte[] bytes) throws CertificateProblem {
        PKCS10CertificationRequest csr;
        try {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            int begin = text.indexOf("-----BEGIN CERTIFICATE REQUEST-----");
            if (begin >= 0) {
                int end = text.indexOf("-----END CERTIFICATE REQUEST-----", begin);
                if (end < 0) {
                    throw new CertificateProblem(file + ": the request's PEM text has no END line; the file is cut short.");
                }
                String body = text.substring(begin + "-----BEGIN CERTIFICATE REQUEST-----".length(), end);
                bytes = Base64.getMimeDecoder().decode(body);
            }
            csr = new PKCS10CertificationRequest(bytes);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new CertificateProblem(file + ": not a certificate signing request (PEM or DER expected; make one with "
                    + "keys request).", e);
        }
        JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(csr);
        PublicKey key;
        try {
            key = jca.getPublicKey();
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
                throw new CertificateProblem(file + ": the request is not signed by the key it names (changed or forged); "
                        + "ask the assessor to make it again.");
            }
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | RuntimeException e) {
            throw new CertificateProblem(file + ": the request's key or signature cannot be read.", e);
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048
                || key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() < 256
                || !(key instanceof RSAPublicKey || key instanceof ECPublicKey)) {
            throw new CertificateProblem(file + ": the request's key is too weak (RSA of at least 2048 bits or EC of at "
                    + "least 256 bits is needed).");
        }
        X500Name subject = csr.getSubject();
        String name = value(subject, BCStyle.CN);
        if (name.isBlank()) {
            throw new CertificateProblem(file + ": the request names no one (it has no common name).");
        }
        return new Request(name, value(subject, BCStyle.SERIALNUMBER), value(subject, BCStyle.O), key, csr);
    }

    private static String value(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        var rdns = name.getRDNs(oid);
        return rdns.length == 0 ? "" : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
