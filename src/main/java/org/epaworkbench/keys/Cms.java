package org.epaworkbench.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.Collection;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * CMS (RFC 5652) as the app uses it: detached SHA-256 signatures with the signing-certificate-v2
 * attribute (for PDF records and package manifests), and AES-256-GCM authenticated envelopes to a
 * recipient's certificate (RSA-OAEP key transport) for encrypted packages.
 */
public final class Cms {

    static {
        if (java.security.Security.getProvider(org.bouncycastle.jce.provider.BouncyCastleProvider.PROVIDER_NAME) == null) {
            java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        }
    }

    private Cms() {
    }

    /** A detached signature over {@code content}; no CMS signing-time (PAdES keeps it in the PDF). */
    public static byte[] signDetached(byte[] content, SigningIdentity identity) throws GeneralSecurityException, IOException {
        try {
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded());
            SigningCertificateV2 signingCertificate = new SigningCertificateV2(new ESSCertIDv2[] {
                    new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash)});
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificate)));
            CMSAttributeTableGenerator signedAttributes = parameters -> new DefaultSignedAttributeTableGenerator(
                    new AttributeTable(attributes)).getAttributes(parameters).remove(CMSAttributes.signingTime);
            String algorithm = switch (identity.privateKey().getAlgorithm()) {
                case "EC", "ECDSA" -> "SHA256withECDSA";
                default -> "SHA256withRSA";
            };
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(lowS(new JcaContentSignerBuilder(algorithm).build(identity.privateKey()), identity.privateKey()),
                            identity.certificate()));
            generator.addCertificates(new JcaCertStore(identity.chain()));
            // DER, the one encoding of the signature: the same signature can be written in no other way that verifies
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException e) {
            throw new GeneralSecurityException("cannot make the CMS signature: " + e.getMessage(), e);
        }
    }

    /**
     * An ECDSA signer whose signatures are always in their low-s form (s at most half the curve's order):
     * an ECDSA signature (r, s) verifies as (r, n − s) too, so only one of the two is accepted, and the
     * app writes that one. RSA signers are returned unchanged (an RSA signature has one form).
     */
    private static ContentSigner lowS(ContentSigner signer, PrivateKey key) {
        if (!(key instanceof java.security.interfaces.ECPrivateKey ec)) {
            return signer;
        }
        BigInteger n = ec.getParams().getOrder();
        return new ContentSigner() {
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return signer.getAlgorithmIdentifier();
            }

            public java.io.OutputStream getOutputStream() {
                return signer.getOutputStream();
            }

            public byte[] getSignature() {
                ASN1Sequence rs = ASN1Sequence.getInstance(signer.getSignature());
                BigInteger r = ASN1Integer.getInstance(rs.getObjectAt(0)).getValue();
                BigInteger sv = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
                if (sv.compareTo(n.shiftRight(1)) > 0) {
                    sv = n.subtract(sv);
                }
                try {
                    return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(sv)}).getEncoded(ASN1Encoding.DER);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot encode an ECDSA signature", e);
                }
            }
        };
    }

    /**
     * An ECDSA signature value must be one DER SEQUENCE of r and s, with s at most half the curve's
     * order (its low-s form): (r, n − s) verifies too, so a second, high-s form of the same signature
     * would be a second file that verifies.
     */
    private static void checkLowS(SignerInformation info, X509Certificate cert) throws IOException {
        if (!org.bouncycastle.asn1.x9.X9ObjectIdentifiers.ecdsa_with_SHA256.getId().equals(info.getEncryptionAlgOID())) {
            return;
        }
        if (!(cert.getPublicKey() instanceof java.security.interfaces.ECPublicKey ec)) {
            throw new IOException("the signature is ECDSA but the signer's key is not an EC key");
        }
        byte[] value = info.getSignature();
        ASN1Sequence rs;
        try {
            rs = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(value));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("the ECDSA signature value is not a DER sequence of r and s");
        }
        if (rs.size() != 2 || !java.util.Arrays.equals(rs.getEncoded(ASN1Encoding.DER), value)) {
            throw new IOException("the ECDSA signature value is not in DER form");
        }
        BigInteger sv = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
        BigInteger n = ec.getParams().getOrder();
        if (sv.signum() <= 0 || sv.compareTo(n.shiftRight(1)) > 0) {
            throw new IOException("the ECDSA signature is not in its low-s form (s is more than half the curve's order): "
                    + "it was changed after signing, into a second form of the same signature");
        }
    }

    /**
     * What checking a detached signature found. {@code certificates} are all those the signature
     * carries (the signer's and any chain to an organisation root); whether any of them is trusted is
     * decided elsewhere, against the roots and register of this data folder.
     */
    public record Verified(X509Certificate signer, boolean valid, boolean signingCertificateMatches,
            java.util.List<X509Certificate> certificates) {
        public Verified {
            certificates = java.util.List.copyOf(certificates);
        }

        public boolean ok() {
            return valid && signingCertificateMatches;
        }
    }

    /**
     * Checks a detached CMS signature against {@code content}. The signature must be exactly one
     * ASN.1 object (nothing before or after it: a PDF's zero padding is removed by the caller, who
     * checks it, see {@link #objectLength}) and must have the shape this app makes, field by field,
     * where the signature itself does not protect a field (versions, algorithms, the certificates):
     * a changed byte there is refused too, not ignored.
     */
    public static Verified verifyDetached(byte[] signature, byte[] content) throws CMSException, IOException,
            GeneralSecurityException {
        int length = objectLength(signature);
        if (length != signature.length) {
            throw new IOException((signature.length - length) + " bytes follow the signature");
        }
        ContentInfo contentInfo;
        try (ASN1InputStream in = new ASN1InputStream(signature)) {
            ASN1Primitive first = in.readObject();
            if (!java.util.Arrays.equals(first.getEncoded(ASN1Encoding.DER), signature)) {
                throw new IOException("the signature is not in DER form, the one encoding the app writes (its lengths, "
                        + "tags or order were written another way, e.g. re-encoded)");
            }
            contentInfo = ContentInfo.getInstance(first);
            checkShape(contentInfo);
        } catch (IllegalArgumentException | ClassCastException | IllegalStateException e) {
            throw new IOException("the signature is not CMS signed data: " + e.getMessage(), e);
        }
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), contentInfo);
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new IOException("expected one signer, found " + signers.size());
        }
        SignerInformation info = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(info.getSID());
        if (matches.isEmpty()) {
            throw new IOException("the signer's certificate is not in the signature");
        }
        X509Certificate cert = Certificates.fromBytes(matches.iterator().next().getEncoded());
        checkSignerNamesExactly(contentInfo, cert);
        checkCertificates(cms);
        checkLowS(info, cert);
        boolean valid;
        try {
            valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
        } catch (CMSException e) {
            valid = false;
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        java.util.List<X509Certificate> carried = new java.util.ArrayList<>();
        for (Object h : cms.getCertificates().getMatches(null)) {
            carried.add(Certificates.fromBytes(((X509CertificateHolder) h).getEncoded()));
        }
        return new Verified(cert, valid, signingCertificateMatches(info, cert), carried);
    }

    /**
     * The length in bytes of the ASN.1 object at the start of {@code bytes} (a PDF's /Contents holds
     * the signature followed by zero padding).
     */
    public static int objectLength(byte[] bytes) throws IOException {
        java.io.ByteArrayInputStream source = new java.io.ByteArrayInputStream(bytes);
        try (ASN1InputStream in = new ASN1InputStream(source, bytes.length)) {
            if (in.readObject() == null) {
                throw new IOException("the signature is empty");
            }
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new IOException("the signature cannot be read as ASN.1: " + e.getMessage(), e);
        }
        return bytes.length - source.available();
    }

    private static final java.util.Set<String> SIGNATURE_ALGORITHMS = java.util.Set.of(
            PKCSObjectIdentifiers.rsaEncryption.getId(), PKCSObjectIdentifiers.sha256WithRSAEncryption.getId(),
            org.bouncycastle.asn1.x9.X9ObjectIdentifiers.ecdsa_with_SHA256.getId());

    /** Fields the signature does not cover must be what this app writes (RFC 5652 versions, SHA-256, no extras). */
    private static void checkShape(ContentInfo contentInfo) throws IOException {
        if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
            throw new IOException("the signature is not CMS signed data");
        }
        SignedData sd = SignedData.getInstance(contentInfo.getContent());
        if (sd.getDigestAlgorithms().size() != 1
                || !isSha256(AlgorithmIdentifier.getInstance(sd.getDigestAlgorithms().getObjectAt(0)))) {
            throw new IOException("the signature's digest algorithms are not just SHA-256");
        }
        if (!CMSObjectIdentifiers.data.equals(sd.getEncapContentInfo().getContentType())
                || sd.getEncapContentInfo().getContent() != null) {
            throw new IOException("the signature is not a detached signature of data");
        }
        if (sd.getCertificates() == null || sd.getCertificates().size() == 0 || sd.getCRLs() != null) {
            throw new IOException("the signature's certificates are missing or it carries revocation lists");
        }
        if (sd.getSignerInfos().size() != 1) {
            throw new IOException("expected one signer, found " + sd.getSignerInfos().size());
        }
        SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        int siVersion = si.getSID().isTagged() ? 3 : 1;
        if (si.getVersion().intValueExact() != siVersion) {
            throw new IOException("the signer's version is " + si.getVersion() + ", not " + siVersion);
        }
        int sdVersion = siVersion == 3 ? 3 : 1;
        if (sd.getVersion().intValueExact() != sdVersion) {
            throw new IOException("the signed data's version is " + sd.getVersion() + ", not " + sdVersion);
        }
        for (int i = 0; i < sd.getCertificates().size(); i++) {
            if (!(sd.getCertificates().getObjectAt(i).toASN1Primitive() instanceof org.bouncycastle.asn1.ASN1Sequence)) {
                throw new IOException("the signature holds something other than X.509 certificates");
            }
        }
        if (!isSha256(si.getDigestAlgorithm())) {
            throw new IOException("the signer's digest algorithm is not SHA-256");
        }
        AlgorithmIdentifier sig = si.getDigestEncryptionAlgorithm();
        if (!SIGNATURE_ALGORITHMS.contains(sig.getAlgorithm().getId()) || !absentOrNull(sig)
                || (sig.getAlgorithm().getId().startsWith("1.2.840.10045") && sig.getParameters() != null)) {
            throw new IOException("the signature algorithm " + sig.getAlgorithm().getId() + " is not one this app uses");
        }
        if (si.getAuthenticatedAttributes() == null || si.getUnauthenticatedAttributes() != null) {
            throw new IOException("the signer's attributes are not as written");
        }
    }

    /**
     * The signer identifier must name the certificate byte for byte: certificate matching compares
     * names the way X.500 does (ignoring case, for one), so a changed letter there would go unnoticed.
     */
    private static void checkSignerNamesExactly(ContentInfo contentInfo, X509Certificate cert) throws IOException {
        SignerInfo si = SignerInfo.getInstance(SignedData.getInstance(contentInfo.getContent()).getSignerInfos().getObjectAt(0));
        boolean exact;
        if (si.getSID().isTagged()) {
            byte[] ski = cert.getExtensionValue(org.bouncycastle.asn1.x509.Extension.subjectKeyIdentifier.getId());
            exact = ski != null && java.util.Arrays.equals(org.bouncycastle.asn1.ASN1OctetString.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(ski).getOctets()).getOctets(),
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(si.getSID().getId()).getOctets());
        } else {
            org.bouncycastle.asn1.cms.IssuerAndSerialNumber id = org.bouncycastle.asn1.cms.IssuerAndSerialNumber.getInstance(
                    si.getSID().getId());
            exact = java.util.Arrays.equals(id.getName().getEncoded(), cert.getIssuerX500Principal().getEncoded())
                    && id.getSerialNumber().getValue().equals(cert.getSerialNumber());
        }
        if (!exact) {
            throw new IOException("the signer identifier does not name the signer's certificate exactly");
        }
    }

    private static boolean isSha256(AlgorithmIdentifier a) {
        return NISTObjectIdentifiers.id_sha256.equals(a.getAlgorithm()) && absentOrNull(a);
    }

    private static boolean absentOrNull(AlgorithmIdentifier a) {
        return a.getParameters() == null || org.bouncycastle.asn1.DERNull.INSTANCE.equals(a.getParameters());
    }

    /** Every certificate carried must be intact: its own signature checks against its issuer where the issuer is there too. */
    private static void checkCertificates(CMSSignedData cms) throws IOException, GeneralSecurityException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> all = cms.getCertificates().getMatches(null);
        java.util.List<X509Certificate> certs = new java.util.ArrayList<>();
        for (X509CertificateHolder h : all) {
            certs.add(Certificates.fromBytes(h.getEncoded()));
        }
        for (X509Certificate c : certs) {
            boolean issuerHere = false;
            boolean checks = false;
            for (X509Certificate issuer : certs) {
                if (issuer.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                    issuerHere = true;
                    try {
                        c.verify(issuer.getPublicKey());
                        checks = true;
                    } catch (GeneralSecurityException e) {
                        // another certificate of that name may be the issuer
                    }
                }
            }
            if (issuerHere && !checks) {
                throw new IOException("a certificate in the signature is damaged (its own signature does not check)");
            }
        }
    }

    private static boolean signingCertificateMatches(SignerInformation info, X509Certificate cert) {
        if (info.getSignedAttributes() == null) {
            return false;
        }
        Attribute attribute = info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return false;
        }
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            return java.util.Arrays.equals(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()), id.getCertHash());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Encrypts for one recipient: AES-256-GCM content, key wrapped with RSA-OAEP (SHA-256) to the certificate. */
    public static byte[] encryptFor(byte[] content, X509Certificate recipient) throws GeneralSecurityException, IOException {
        try {
            OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
            AlgorithmIdentifier wrap = new JcaAlgorithmParametersConverter()
                    .getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, oaep);
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(recipient, wrap).setProvider("BC"));
            return generator.generate(new CMSProcessableByteArray(content),
                    (org.bouncycastle.operator.OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                            .setProvider("BC").build())
                    .getEncoded();
        } catch (CMSException e) {
            throw new GeneralSecurityException("cannot encrypt: " + e.getMessage(), e);
        }
    }

    /** Decrypts an envelope made by {@link #encryptFor} with the recipient's private key. */
    public static byte[] decrypt(byte[] envelope, PrivateKey key) throws GeneralSecurityException, IOException {
        try {
            CMSAuthEnvelopedData data = new CMSAuthEnvelopedData(envelope);
            Collection<RecipientInformation> recipients = data.getRecipientInfos().getRecipients();
            CMSException last = null;
            for (RecipientInformation r : recipients) {
                try {
                    return r.getContent(new JceKeyTransAuthEnvelopedRecipient(key).setProvider("BC"));
                } catch (CMSException e) {
                    last = e;
                }
            }
            throw new GeneralSecurityException("the package is not encrypted for this key"
                    + (last == null ? "" : ": " + last.getMessage()));
        } catch (CMSException e) {
            throw new GeneralSecurityException("not a readable encrypted package: " + e.getMessage(), e);
        }
    }
}
