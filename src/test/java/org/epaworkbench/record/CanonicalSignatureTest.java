package org.epaworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.epaworkbench.keys.Cms;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.people.AssessorProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 7 of issue 12, as the attacker did it: bytes that change the file but still verify. The CMS container
 * re-encoded (lengths written another way), every hex letter of the signature in lower case, an ECDSA signature's
 * s replaced by n − s (with an imported EC key). Records are written in one canonical form (DER, upper-case hex,
 * low-s ECDSA) and only that form verifies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanonicalSignatureTest {

    @TempDir
    static Path dir;
    SigningIdentity rsa;
    SigningIdentity ec;
    byte[] record;

    @BeforeAll
    void sign() throws Exception {
        rsa = SignatureTamperingTest.identity(dir.resolve("assessor"), new AssessorProfile("Sam Assessor", "EPA-000123",
                "Highfield Assessment", false));
        ec = ecIdentity();
        record = SignatureTamperingTest.smallRecord(new PadesSigner(), rsa);
    }

    /** An EC P-256 key with a self-signed certificate, as an organisation's imported PKCS#12 may hold. */
    static SigningIdentity ecIdentity() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        X500Name name = new X500Name("CN=Erin Curve,SERIALNUMBER=EPA-000456,O=Highfield Assessment,C=GB");
        Instant now = SignatureTamperingTest.CLOCK.instant();
        var cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        return new SigningIdentity(pair.getPrivate(), List.of(cert));
    }

    static byte[] cmsOf(byte[] pdf) {
        int[] c = SignatureTamperingTest.contents(pdf);
        return PadesVerifier.hexGap(pdf, c[0], c[1] + 1);
    }

    /** The PDF with {@code cms} in place of its signature, padded with zeros to the room there is (null if it does not fit). */
    static byte[] withCms(byte[] pdf, byte[] cms, boolean lowerCase) {
        int[] c = SignatureTamperingTest.contents(pdf);
        int room = c[1] - c[0] - 1;
        String hex = HexFormat.of().withUpperCase().formatHex(cms);
        if (lowerCase) {
            hex = hex.toLowerCase();
        }
        if (hex.length() > room) {
            return null;
        }
        byte[] out = pdf.clone();
        byte[] h = (hex + "0".repeat(room - hex.length())).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, out, c[0] + 1, room);
        return out;
    }

    @Test
    void recordsAreSignedInDerWithUpperCaseHex() throws Exception {
        byte[] cms = cmsOf(record);
        assertThat(ASN1Primitive.fromByteArray(cms).getEncoded(ASN1Encoding.DER)).isEqualTo(cms);
        int[] c = SignatureTamperingTest.contents(record);
        String hex = new String(record, c[0] + 1, c[1] - c[0] - 1, StandardCharsets.US_ASCII);
        assertThat(hex).matches("[0-9A-F]+");
        assertThat(new PadesVerifier().verify("record.pdf", record).verified()).isTrue();
    }

    @Test
    void theSignatureReEncodedInAnotherFormIsRefused() throws Exception {
        // the outer SEQUENCE with an indefinite length: 0x30 0x80 ... 0x00 0x00 instead of 0x30 0x82 LL LL (same size)
        byte[] cms = cmsOf(record);
        assertThat(cms[1] & 0xff).as("a long, two-byte length").isEqualTo(0x82);
        byte[] indefinite = new byte[cms.length];
        indefinite[0] = 0x30;
        indefinite[1] = (byte) 0x80;
        System.arraycopy(cms, 4, indefinite, 2, cms.length - 4);
        // the two end-of-contents octets are zeros already: the array's last two bytes
        try (ASN1InputStream in = new ASN1InputStream(indefinite)) {
            assertThat(ContentInfo.getInstance(in.readObject())).as("still the same CMS when read").isNotNull();
        }
        byte[] reencoded = withCms(record, indefinite, false);
        SignatureReport r = new PadesVerifier().verify("re-encoded.pdf", reencoded);
        assertThat(r.verified()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("not in DER form"));

        // a non-minimal (long-form) length somewhere inside, with room to spare
        byte[] padded = SignatureTamperingTest.smallRecord(new PadesSigner(64), rsa);
        byte[] inner = cmsOf(padded);
        inner = java.util.Arrays.copyOf(inner, Cms.objectLength(inner));
        byte[] longForm = longFormFirstShortLength(inner);
        SignatureReport r2 = new PadesVerifier().verify("long-form.pdf", withCms(padded, longForm, false));
        assertThat(r2.verified()).isFalse();
        assertThat(r2.problems()).anySatisfy(p -> assertThat(p).contains("not in DER form"));
    }

    /** The CMS with the outer SEQUENCE's length written with one byte more than it needs (the total grows by one). */
    static byte[] longFormFirstShortLength(byte[] der) {
        // 30 82 LL LL ... -> 30 83 00 LL LL ...
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(0x83);
        out.write(0x00);
        out.write(der[2]);
        out.write(der[3]);
        out.write(der, 4, der.length - 4);
        return out.toByteArray();
    }

    @Test
    void everyHexLetterInLowerCaseIsRefused() {
        byte[] lower = withCms(record, cmsOf(record), true);
        assertThat(new String(lower, StandardCharsets.ISO_8859_1)).as("the file changed").isNotEqualTo(
                new String(record, StandardCharsets.ISO_8859_1));
        SignatureReport r = new PadesVerifier().verify("lower.pdf", lower);
        assertThat(r.verified()).isFalse();
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("upper case"));
    }

    @Test
    void ecdsaRecordsAreLowSAndTheirHighSTwinIsRefused() throws Exception {
        BigInteger n = ((ECPublicKey) ec.certificate().getPublicKey()).getParams().getOrder();
        for (int i = 0; i < 6; i++) {
            byte[] signed = SignatureTamperingTest.smallRecord(new PadesSigner(64), ec);
            assertThat(new PadesVerifier().verify("ec.pdf", signed).verified()).isTrue();
            byte[] cms = cmsOf(signed);
            cms = java.util.Arrays.copyOf(cms, Cms.objectLength(cms));
            ContentInfo ci = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
            SignedData sd = SignedData.getInstance(ci.getContent());
            SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
            ASN1Sequence rs = ASN1Sequence.getInstance(si.getEncryptedDigest().getOctets());
            BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
            assertThat(s).as("the app writes the low-s form").isLessThanOrEqualTo(n.shiftRight(1));

            // the attacker's twin: (r, n - s), which verifies with plain ECDSA
            byte[] twinValue = new DERSequence(new ASN1Encodable[] {rs.getObjectAt(0), new ASN1Integer(n.subtract(s))})
                    .getEncoded(ASN1Encoding.DER);
            SignerInfo twin = new SignerInfo(si.getSID(), si.getDigestAlgorithm(), si.getAuthenticatedAttributes(),
                    si.getDigestEncryptionAlgorithm(), new DEROctetString(twinValue), si.getUnauthenticatedAttributes());
            SignedData twinData = new SignedData(sd.getDigestAlgorithms(), sd.getEncapContentInfo(), sd.getCertificates(),
                    sd.getCRLs(), new DERSet(twin));
            byte[] twinCms = new ContentInfo(ci.getContentType(), twinData).getEncoded(ASN1Encoding.DER);
            java.security.Signature plain = java.security.Signature.getInstance("SHA256withECDSA");
            plain.initVerify(ec.certificate().getPublicKey());
            plain.update(si.getAuthenticatedAttributes().getEncoded(ASN1Encoding.DER));
            assertThat(plain.verify(twinValue)).as("n - s verifies with plain ECDSA").isTrue();

            byte[] twinPdf = withCms(signed, twinCms, false);
            SignatureReport r = new PadesVerifier().verify("twin.pdf", twinPdf);
            assertThat(r.verified()).isFalse();
            assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("low-s"));
        }
    }
}
