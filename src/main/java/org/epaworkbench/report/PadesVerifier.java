package org.epaworkbench.report;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.epaworkbench.keys.Certificates;

/**
 * Checks a signed PDF independently of how it was made: the signature's CMS is parsed, the signed
 * byte ranges re-digested, the signature checked against the signer's certificate, and the byte
 * ranges compared with the file's length (a signature that does not reach the end of the file
 * leaves later changes uncovered).
 */
public final class PadesVerifier {

    public SignatureReport verify(String name, byte[] pdf) {
        List<String> problems = new ArrayList<>();
        PDSignature signature;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                problems.add("The file has no digital signature.");
                return new SignatureReport(name, true, false, false, false, null, null, null, null, null, problems);
            }
            if (signatures.size() > 1) {
                problems.add("The file has " + signatures.size() + " signatures; the last one is checked.");
            }
            signature = signatures.get(signatures.size() - 1);
        } catch (IOException e) {
            problems.add("Not a readable PDF: " + e.getMessage());
            return new SignatureReport(name, false, false, false, false, null, null, null, null, null, problems);
        }

        int[] range = signature.getByteRange();
        boolean whole = range != null && range.length == 4 && range[0] == 0
                && (long) range[2] + range[3] == pdf.length && range[1] < range[2];
        if (!whole) {
            problems.add(range == null ? "The signature has no byte range."
                    : "The signature does not cover the whole file (byte range " + Arrays.toString(range) + ", file "
                    + pdf.length + " bytes): bytes were added or changed after signing.");
        }
        String subFilter = signature.getSubFilter();
        if (!PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(subFilter)) {
            problems.add("Signature format is " + subFilter + ", not ETSI.CAdES.detached (PAdES).");
        }
        Instant signedAt = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();

        String signer = null;
        String organisation = null;
        String fingerprint = null;
        boolean valid = false;
        try {
            byte[] contents = signature.getContents(pdf);
            byte[] signedContent = signature.getSignedContent(pdf);
            CMSSignedData cms = readCms(contents, signedContent);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                problems.add("The signature holds " + signers.size() + " signers; expected one.");
            }
            SignerInformation info = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(info.getSID());
            if (matches.isEmpty()) {
                problems.add("The signer's certificate is not in the signature.");
            } else {
                X509Certificate cert = Certificates.fromBytes(matches.iterator().next().getEncoded());
                signer = Certificates.commonName(cert);
                organisation = Certificates.attribute(cert.getSubjectX500Principal(), "O");
                fingerprint = Certificates.fingerprint(cert);
                valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
                if (!valid) {
                    problems.add("The signature does not match the document: it was changed after signing.");
                }
                if (!signingCertificateMatches(info, cert)) {
                    problems.add("The signing-certificate-v2 attribute is missing or names another certificate.");
                    valid = false;
                }
            }
        } catch (CMSException e) {
            problems.add("The signature does not match the document: " + e.getMessage());
        } catch (IOException | CertificateException | OperatorCreationException e) {
            problems.add("The signature cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            problems.add("The signature is malformed: " + e.getMessage());
        }
        return new SignatureReport(name, true, true, valid, whole, subFilter, signer, organisation, fingerprint, signedAt,
                problems);
    }

    /**
     * Reads the CMS from the signature's /Contents, which is padded with zeros: only the first DER
     * object is the signature (BouncyCastle 1.85+ refuses the padding if it is passed whole).
     */
    static CMSSignedData readCms(byte[] contents, byte[] signedContent) throws IOException, CMSException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            ASN1Primitive first = in.readObject();
            if (first == null) {
                throw new IOException("the signature is empty");
            }
            return new CMSSignedData(new CMSProcessableByteArray(signedContent), ContentInfo.getInstance(first));
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
            SigningCertificateV2 scv2 = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
            ESSCertIDv2 id = scv2.getCerts()[0];
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return Arrays.equals(hash, id.getCertHash());
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException | RuntimeException e) {
            return false;
        }
    }
}
