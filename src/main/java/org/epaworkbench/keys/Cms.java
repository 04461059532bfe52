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
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
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
                    .build(new JcaContentSignerBuilder(algorithm).build(identity.privateKey()), identity.certificate()));
            generator.addCertificates(new JcaCertStore(identity.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CMSException e) {
            throw new GeneralSecurityException("cannot make the CMS signature: " + e.getMessage(), e);
        }
    }

    /** What checking a detached signature found. */
    public record Verified(X509Certificate signer, boolean valid, boolean signingCertificateMatches) {
        public boolean ok() {
            return valid && signingCertificateMatches;
        }
    }

    /**
     * Reads a detached CMS signature (only its first DER object: signatures padded with zeros, as in
     * PDF /Contents, are accepted) and checks it against {@code content}.
     */
    public static Verified verifyDetached(byte[] signature, byte[] content) throws CMSException, IOException,
            GeneralSecurityException {
        CMSSignedData cms;
        try (ASN1InputStream in = new ASN1InputStream(signature)) {
            ASN1Primitive first = in.readObject();
            if (first == null) {
                throw new IOException("the signature is empty");
            }
            cms = new CMSSignedData(new CMSProcessableByteArray(content), ContentInfo.getInstance(first));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException("the signature is not CMS: " + e.getMessage(), e);
        }
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
        boolean valid;
        try {
            valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
        } catch (CMSException e) {
            valid = false;
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        return new Verified(cert, valid, signingCertificateMatches(info, cert));
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
