package org.epaworkbench.app;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.epaworkbench.keys.CertificateProblem;
import org.epaworkbench.keys.CertificateRequests;
import org.epaworkbench.keys.KeyStoreProblem;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.OrganisationRoots;
import org.epaworkbench.sync.SignerTrust;

/**
 * What the organisation's office does about trust (docs/trust.md): make its root authority, certify
 * assessors' keys from their requests, and trust organisation roots in this data folder.
 */
public final class Organisation {

    /** The file of the organisation's root key, in the folder its authority was made in. */
    public static final String KEYSTORE = OrganisationAuthority.KEYSTORE;
    /** The file of the organisation's root certificate beside it, for every office computer and assessor's app. */
    public static final String ROOT = OrganisationAuthority.ROOT;

    /** The organisation's authority just made: its name as the root gives it, and the root certificate. */
    public record Authority(String organisation, X509Certificate root) {
    }

    /** An assessor's certificate request, checked: who asks, and for which key. */
    public static final class Request {
        private final CertificateRequests.Request request;

        private Request(CertificateRequests.Request request) {
            this.request = request;
        }

        /** The organisation the request names (empty when it names none). */
        public String organisation() {
            return request.organisation();
        }

        /** "Sam Assessor, assessor number EPA-000123 (says: Highfield Assessment)". */
        public String describe() {
            return request.describe();
        }
    }

    /** A root this data folder trusts now; {@code alreadyThere} when it was trusted before. */
    public record TrustedRoot(String fingerprint, String subject, Instant since, boolean alreadyThere) {
    }

    private final Services services;

    public Organisation(Services services) {
        this.services = services;
    }

    /**
     * Makes the organisation's root key and certificate in {@code folder} (never replacing one) and
     * trusts the root in this data folder.
     */
    public Authority createAuthority(Path folder, String organisation, char[] password)
            throws KeyStoreProblem, CertificateProblem, SQLException {
        OrganisationAuthority ca = OrganisationAuthority.create(folder, organisation, password, services.clock());
        OrganisationRoots.trust(new SyncStore(services.database()), ca.root(), services.clock().instant());
        return new Authority(ca.organisation(), ca.root());
    }

    /** Reads and checks an assessor's certificate request ({@code keys request} made it); {@code name} names it in messages. */
    public static Request readRequest(String name, byte[] bytes) throws CertificateProblem {
        return new Request(CertificateRequests.read(name, bytes));
    }

    /**
     * Issues the certificate asked for, with the authority in {@code folder} opened by its password:
     * the chain to give the assessor, their certificate first, then the root. Needs no data folder.
     */
    public static List<X509Certificate> certify(Path folder, char[] password, Request request, Duration validity, Clock clock)
            throws KeyStoreProblem {
        return OrganisationAuthority.open(folder, password, clock).certify(request.request, validity);
    }

    /**
     * Issues the organisation's intake service its identity (ADR 13): a new key and a certificate for the
     * host names it answers on, issued by the authority in {@code folder}, written as a PKCS#12 file
     * protected by {@code servicePassword}. Returns the service's certificate. Needs no data folder.
     */
    public static X509Certificate issueServiceIdentity(Path folder, char[] password, List<String> hostNames, Duration validity,
            Path out, char[] servicePassword, Clock clock) throws KeyStoreProblem, java.io.IOException {
        if (servicePassword.length < 12) {
            throw new KeyStoreProblem("The service key's password must be at least 12 characters.");
        }
        OrganisationAuthority authority = OrganisationAuthority.open(folder, password, clock);
        java.security.KeyPair pair;
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(3072);
            pair = g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new KeyStoreProblem("Could not make the service's key: " + e.getMessage(), e);
        }
        List<X509Certificate> chain = authority.certifyService(pair.getPublic(), hostNames, validity);
        byte[] p12;
        try {
            p12 = org.epaworkbench.keys.Pkcs12.encode("intake-service", pair.getPrivate(), chain, servicePassword);
        } catch (java.security.GeneralSecurityException e) {
            throw new KeyStoreProblem("Could not write the service's key: " + e.getMessage(), e);
        }
        java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
        org.epaworkbench.store.OwnerOnly.createFile(out);
        java.nio.file.Files.write(out, p12);
        return chain.get(0);
    }

    /** Reads and checks an organisation root certificate file, without trusting it ({@code verify --root}). */
    public static X509Certificate readRoot(Path file, Clock clock) throws CertificateProblem {
        return OrganisationRoots.read(file, clock.instant());
    }

    /** Trusts the organisation root in {@code file} in this data folder; a file that is not a root is refused, saying why. */
    public TrustedRoot trustRoot(Path file) throws CertificateProblem, SQLException {
        OrganisationRoots.Added added = OrganisationRoots.trust(new SyncStore(services.database()), file, services.clock().instant());
        return new TrustedRoot(added.root().fingerprint(), added.root().subject(), added.root().addedAt(), added.alreadyThere());
    }

    /**
     * Whether records signed with {@code chain} (an assessor's certificate as the organisation issued it,
     * then its root) would be trusted here only once the organisation's root is trusted here too.
     */
    public boolean rootStillToTrust(List<X509Certificate> chain) throws SQLException {
        SignerTrust here = SignerTrust.load(new SyncStore(services.database()), services.clock());
        X509Certificate root = chain.get(chain.size() - 1);
        SignerTrust.Decision decision = here.withRoot(root).decide(chain.get(0), chain, services.clock().instant());
        return decision.basis() == SignerTrust.Basis.ORGANISATION_ROOT && !here.roots().contains(root);
    }

    /**
     * The private key of an organisation's PKCS#12 file, to open packages encrypted to the organisation;
     * the file is only read. {@code ifWrong} ends the message for a wrong password.
     */
    public static PrivateKey decryptionKey(Path p12, char[] password, String ifWrong) throws KeyStoreProblem {
        return AssessorIdentity.privateKeyOf(p12, password, ifWrong);
    }
}
