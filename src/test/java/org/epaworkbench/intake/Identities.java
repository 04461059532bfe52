package org.epaworkbench.intake;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import org.epaworkbench.keys.CertificateRequests;
import org.epaworkbench.keys.OrganisationAuthority;
import org.epaworkbench.keys.SigningIdentity;

/** Keys and certificates an organisation root issues, for the intake service's tests. */
public final class Identities {

    private Identities() {
    }

    /** The intake service's identity, for these host names. */
    public static SigningIdentity service(OrganisationAuthority authority, String... hosts) throws Exception {
        KeyPair kp = rsa();
        return new SigningIdentity(kp.getPrivate(), authority.certifyService(kp.getPublic(), List.of(hosts), Duration.ofDays(365)));
    }

    /** An assessor's identity, as org certify issues it. */
    public static SigningIdentity assessor(OrganisationAuthority authority, String name, String number) throws Exception {
        KeyPair kp = rsa();
        var request = new CertificateRequests.Request(name, number, "Highfield Assessment", kp.getPublic(), null);
        return new SigningIdentity(kp.getPrivate(), authority.certify(request, Duration.ofDays(365)));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }
}
