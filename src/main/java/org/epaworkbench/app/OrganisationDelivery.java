package org.epaworkbench.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.store.Deliveries;
import org.epaworkbench.store.SyncStore;
import org.epaworkbench.sync.IntakeClient;
import org.epaworkbench.sync.Receipt;

/**
 * Delivering to the organisation's intake service (ADR 13): what waits in the outbox is made into a
 * package kept in the data folder, and each package waiting is sent to the service the assessor set up
 * (its address, and the organisation root its certificate must chain to). A package counts as delivered
 * only once the service's signed receipt for its exact bytes is stored; one the service refuses keeps
 * its reason and is not sent again by itself; when the service cannot be reached, the next try waits a
 * while longer each time (exponential back-off with jitter).
 */
public final class OrganisationDelivery {

    /** Where deliveries go: the service's address and the SHA-256 of the organisation root it must show. */
    public record Target(URI address, String rootFingerprint) {
    }

    /** What one round of delivery did. */
    public record Round(List<Deliveries.Delivery> delivered, List<Deliveries.Delivery> refused, String unreachable,
            boolean nothingToDo) {
    }

    /** The first wait after a failed attempt, and the longest. */
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final Services services;
    private final Deliveries deliveries;
    private final RandomGenerator random;

    public OrganisationDelivery(Services services, RandomGenerator random) {
        this.services = services;
        this.deliveries = new Deliveries(services.database());
        this.random = random;
    }

    /** Where deliveries go, once set. */
    public Optional<Target> target() throws SQLException {
        return services.settings().deliveryTarget().map(t -> new Target(URI.create(t[0]), t[1]));
    }

    /**
     * Sets where deliveries go. The address must be https; the fingerprint must be that of an organisation
     * root this data folder trusts (org trust), so the service is trusted exactly as that root is.
     */
    public Target setTarget(String address, String rootFingerprint) throws SQLException, IllegalArgumentException {
        URI uri;
        try {
            uri = URI.create(address.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("“" + address + "” is not an address (for example https://intake.example.org:8443).");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("The service's address must start with https:// and name its host, for example "
                    + "https://intake.example.org:8443 (it was “" + address + "”).");
        }
        String fp = rootFingerprint.strip().toLowerCase(java.util.Locale.ROOT).replace(":", "");
        if (root(fp).isEmpty()) {
            throw new IllegalArgumentException("No organisation root with SHA-256 " + rootFingerprint + " is trusted in this "
                    + "data folder. Install the organisation's root first (org trust organisation-root.crt), then give its "
                    + "SHA-256 as serve printed it.");
        }
        String normalised = uri.getScheme() + "://" + uri.getAuthority();
        services.settings().saveDeliveryTarget(normalised, fp);
        return new Target(URI.create(normalised), fp);
    }

    private Optional<X509Certificate> root(String fingerprint) throws SQLException {
        for (SyncStore.TrustedRoot r : new SyncStore(services.database()).trustedRoots()) {
            if (r.fingerprint().equalsIgnoreCase(fingerprint)) {
                try {
                    return Optional.of(Certificates.fromPem(r.certificatePem()));
                } catch (CertificateException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Every package made for delivery, oldest first, with where it stands. */
    public List<Deliveries.Delivery> deliveries() throws SQLException {
        return deliveries.all();
    }

    /** A delivered package's receipt, as the service signed it. */
    public Optional<Receipt> receipt(Deliveries.Delivery d) throws IOException {
        if (d.receipt() == null) {
            return Optional.empty();
        }
        return Optional.of(Receipt.fromJson(Base64.getDecoder().decode(d.receipt())));
    }

    /**
     * One round: packs what waits in the outbox (if anything), then sends every package waiting whose time
     * has come ({@code all}: every one, now), stopping at the first that cannot reach the service.
     */
    public Round deliverNow(AssessorIdentity.Unlocked signer, boolean all, LongConsumer progress)
            throws SQLException, IOException, GeneralSecurityException {
        SigningIdentity identity = signer.identity();
        Target target = target().orElseThrow(() -> new IllegalStateException("No intake service is set up: give its "
                + "address and the organisation root's SHA-256 first."));
        X509Certificate root = root(target.rootFingerprint()).orElseThrow(() -> new IllegalStateException(
                "The organisation root " + target.rootFingerprint() + " is no longer trusted here."));
        packWaiting(identity);
        List<Deliveries.Delivery> waiting = deliveries.waiting();
        Instant now = services.clock().instant();
        if (!all) {
            waiting = waiting.stream().filter(d -> d.nextAttemptAt() == null || !d.nextAttemptAt().isAfter(now)).toList();
        }
        if (waiting.isEmpty()) {
            return new Round(List.of(), List.of(), null, true);
        }
        IntakeClient client = new IntakeClient(target.address(), List.of(root), identity, services.clock());
        List<Deliveries.Delivery> delivered = new ArrayList<>();
        List<Deliveries.Delivery> refused = new ArrayList<>();
        for (Deliveries.Delivery d : waiting) {
            Instant at = services.clock().instant();
            try {
                IntakeClient.Delivered done = client.deliver(Path.of(d.file()), d.packageId(), d.sha256(), progress);
                deliveries.delivered(d.packageId(), at, Base64.getEncoder().encodeToString(done.json()),
                        Base64.getEncoder().encodeToString(done.signature()), done.receipt().receivedAt());
                delivered.add(deliveries.of(d.packageId()).orElseThrow());
            } catch (IntakeClient.Refused e) {
                deliveries.refused(d.packageId(), at, e.getMessage());
                refused.add(deliveries.of(d.packageId()).orElseThrow());
            } catch (IntakeClient.Unreachable e) {
                deliveries.attemptFailed(d.packageId(), at, at.plus(wait(d.attempts() + 1)), e.getMessage());
                return new Round(delivered, refused, e.getMessage(), false);
            }
        }
        return new Round(delivered, refused, null, false);
    }

    /** Makes what waits in the outbox into one package kept for delivery (nothing if nothing waits). */
    private void packWaiting(SigningIdentity identity) throws SQLException, IOException, GeneralSecurityException {
        Delivery.Waiting waiting = services.delivery().pending();
        if (waiting.isEmpty()) {
            return;
        }
        Path outgoing = services.directory().root().resolve("outgoing");
        Files.createDirectories(outgoing);
        Delivery.Exported x = services.delivery().export(waiting, outgoing, identity, null);
        deliveries.add(x.packageId(), x.file().toString(), Intake.sha256Of(x.file()), Files.size(x.file()));
    }

    /**
     * How long to wait before try {@code attempt} (1 = after the first failure): doubling from
     * {@link #FIRST_WAIT} up to {@link #LONGEST_WAIT}, each a random time between half and all of that
     * ("equal jitter"), so a hundred assessors back online at once do not all try together.
     */
    Duration wait(int attempt) {
        return wait(attempt, random);
    }

    static Duration wait(int attempt, RandomGenerator random) {
        long cap = LONGEST_WAIT.toMillis();
        long base = Math.min(cap, FIRST_WAIT.toMillis() << Math.min(20, Math.max(0, attempt - 1)));
        return Duration.ofMillis(base / 2 + random.nextLong(base / 2 + 1));
    }
}
