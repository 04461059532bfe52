package org.epaworkbench.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * PKCS#12 files as the app writes them: the private key shrouded with PBES2 (PBKDF2 with
 * HMAC-SHA-256, {@value #ITERATIONS} iterations, AES-256-CBC) and the file's integrity MAC
 * (HMAC-SHA-256) at {@value #ITERATIONS} iterations too, so neither is a cheaper way to guess the
 * password. Certificates are public and are stored unencrypted. The Java runtime's own
 * {@code KeyStore.getInstance("PKCS12")} reads these files (and Java 17's defaults, 10,000
 * iterations, are what this replaces).
 */
public final class Pkcs12 {

    /** PBKDF2-HMAC-SHA-256 iterations: OWASP's 2023 figure. */
    public static final int ITERATIONS = 600_000;

    static {
        if (java.security.Security.getProvider(org.bouncycastle.jce.provider.BouncyCastleProvider.PROVIDER_NAME) == null) {
            java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        }
    }

    private Pkcs12() {
    }

    /** A PKCS#12 file holding {@code key} under {@code alias}, with its certificate chain (the key's own certificate first). */
    public static byte[] encode(String alias, PrivateKey key, List<X509Certificate> chain, char[] password)
            throws GeneralSecurityException, IOException {
        try {
            var keyId = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(chain.get(0).getPublicKey());
            List<PKCS12SafeBag> certificates = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                PKCS12SafeBagBuilder bag = new JcaPKCS12SafeBagBuilder(chain.get(i));
                if (i == 0) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
                }
                certificates.add(bag.build());
            }
            OutputEncryptor shroud = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider("BC")
                    .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                    .setIterationCount(ITERATIONS)
                    .build(password);
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, shroud);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(alias));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            for (PKCS12SafeBag certificate : certificates) {
                pfx.addData(certificate);
            }
            pfx.addData(keyBag.build());
            return pfx.build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256).setIterationCount(ITERATIONS),
                    password).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | PKCSException e) {
            throw new GeneralSecurityException("cannot write the PKCS#12 file: " + e.getMessage(), e);
        }
    }

    /** How a PKCS#12 file is protected, as far as this app cares. */
    public record Protection(int macIterations, String macDigest, int weakestKeyIterations, boolean everyKeyPbkdf2) {
        /** At least {@value #ITERATIONS} iterations everywhere, PBKDF2 for every key and SHA-256 for the MAC. */
        public boolean modern() {
            return macIterations >= ITERATIONS && weakestKeyIterations >= ITERATIONS && everyKeyPbkdf2
                    && "SHA-256".equals(macDigest);
        }
    }

    /** Reads how a PKCS#12 file's MAC and shrouded keys are protected (without the password). */
    public static Protection protection(byte[] p12) throws IOException {
        try {
            PKCS12PfxPdu pdu = new PKCS12PfxPdu(p12);
            int mac = pdu.hasMac() ? pdu.toASN1Structure().getMacData().getIterationCount().intValueExact() : 0;
            String digest = !pdu.hasMac() ? "none"
                    : NISTObjectIdentifiers.id_sha256.equals(pdu.getMacAlgorithmID().getAlgorithm()) ? "SHA-256"
                    : pdu.getMacAlgorithmID().getAlgorithm().getId();
            int weakest = Integer.MAX_VALUE;
            boolean pbkdf2 = true;
            for (var info : pdu.getContentInfos()) {
                if (!PKCSObjectIdentifiers.data.equals(info.getContentType())) {
                    // an encrypted bag of certificates (Java's default); its keys, if any, are counted as weak
                    weakest = Math.min(weakest, 0);
                    pbkdf2 = false;
                    continue;
                }
                var bags = org.bouncycastle.asn1.ASN1Sequence.getInstance(
                        org.bouncycastle.asn1.ASN1OctetString.getInstance(info.getContent()).getOctets());
                for (int i = 0; i < bags.size(); i++) {
                    var bag = org.bouncycastle.asn1.pkcs.SafeBag.getInstance(bags.getObjectAt(i));
                    if (!PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(bag.getBagId())) {
                        continue;
                    }
                    AlgorithmIdentifier alg = EncryptedPrivateKeyInfo.getInstance(bag.getBagValue()).getEncryptionAlgorithm();
                    ASN1ObjectIdentifier oid = alg.getAlgorithm();
                    if (PKCSObjectIdentifiers.id_PBES2.equals(oid)) {
                        PBES2Parameters p = PBES2Parameters.getInstance(alg.getParameters());
                        KeyDerivationFunc kdf = p.getKeyDerivationFunc();
                        EncryptionScheme scheme = p.getEncryptionScheme();
                        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm()) || scheme == null) {
                            pbkdf2 = false;
                            weakest = 0;
                        } else {
                            weakest = Math.min(weakest, PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount()
                                    .intValueExact());
                        }
                    } else {
                        pbkdf2 = false;
                        weakest = Math.min(weakest, PKCS12PBEParams.getInstance(alg.getParameters()).getIterations()
                                .intValueExact());
                    }
                }
            }
            return new Protection(mac, digest, weakest == Integer.MAX_VALUE ? 0 : weakest, pbkdf2);
        } catch (RuntimeException e) {
            throw new IOException("not a PKCS#12 file: " + e.getMessage(), e);
        }
    }
}
