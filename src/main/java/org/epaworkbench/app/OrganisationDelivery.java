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

    /** Stops delivering: where deliveries went is forgotten; what was delivered keeps its receipts. */
    public void clearTarget() throws SQLException {
        services.settings().clearDeliveryTarget();
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

    /** Told how far the package being sent has got: the bytes of it the service holds. */
    @FunctionalInterface
    public interface Sending {
        void sending(Deliveries.Delivery delivery, long bytesHeld);
    }

    /**
     * One round: packs what waits in the outbox (if anything), then sends every package waiting whose time
     * has come ({@code all}: every one, now), stopping at the first that cannot reach the service.
     */
    public Round deliverNow(AssessorIdentity.Unlocked signer, boolean all, LongConsumer progress)
            throws SQLException, IOException, GeneralSecurityException {
        return deliverNow(signer, all, true, (d, bytes) -> progress.accept(bytes));
    }

    /**
     * As {@link #deliverNow(AssessorIdentity.Unlocked, boolean, LongConsumer)}; {@code pack}: whether what
     * waits in the outbox is made into a package first (automatic rounds do not while a session runs, so a
     * live session is not sent a minute at a time); {@code sending} is told which package goes and how far.
     */
    public Round deliverNow(AssessorIdentity.Unlocked signer, boolean all, boolean pack, Sending sending)
            throws SQLException, IOException, GeneralSecurityException {
        SigningIdentity identity = signer.identity();
        Target target = target().orElseThrow(() -> new IllegalStateException("No intake service is set up: give its "
                + "address and the organisation root's SHA-256 first."));
        X509Certificate root = root(target.rootFingerprint()).orElseThrow(() -> new IllegalStateException(
                "The organisation root " + target.rootFingerprint() + " is no longer trusted here."));
        if (pack) {
            packWaiting(identity);
        }
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
                sending.sending(d, 0);
                IntakeClient.Delivered done = client.deliver(Path.of(d.file()), d.packageId(), d.sha256(),
                        bytes -> sending.sending(d, bytes));
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

    /**
     * Sends a refused package again (the assessor's "Deliver again"; {@code deliver --again}): a refusal the office
     * can remove (the plan the package names imported with {@code serve plans import}, the assessor registered)
     * does not lift by itself, so the package waits again, due at once, and the next round sends it. Its bytes
     * are the same: the service, which kept nothing of a refused package, checks it again whole.
     *
     * @throws IllegalArgumentException when no package made here has this id or it is not refused
     */
    public Deliveries.Delivery deliverAgain(String packageId) throws SQLException {
        Deliveries.Delivery d = deliveries.of(packageId).orElseThrow(() -> new IllegalArgumentException(
                "No package " + packageId + " was made here for the intake service (receipts lists them)."));
        if (d.state() != Deliveries.State.REFUSED) {
            throw new IllegalArgumentException("Package " + packageId + " was not refused: it is "
                    + (d.state() == Deliveries.State.DELIVERED ? "delivered, with its receipt." : "waiting, and goes by itself."));
        }
        deliveries.again(packageId);
        return deliveries.of(packageId).orElseThrow();
    }

    /** The packages the service refused, oldest first: each keeps its reason until sent again. */
    public List<Deliveries.Delivery> refused() throws SQLException {
        return deliveries.all().stream().filter(d -> d.state() == Deliveries.State.REFUSED).toList();
    }

    /**
     * Whether a round now would have something to do: a target is set, and records or session changes wait
     * in the outbox ({@code pack}), or a package waits whose next try has come ({@code all}: any package waiting).
     */
    public boolean somethingToDeliver(boolean all, boolean pack) throws SQLException {
        if (target().isEmpty()) {
            return false;
        }
        if (pack && !services.delivery().pending().isEmpty()) {
            return true;
        }
        Instant now = services.clock().instant();
        return deliveries.waiting().stream().anyMatch(d -> all || d.nextAttemptAt() == null || !d.nextAttemptAt().isAfter(now));
    }

    /** When the next package waiting is due to be tried again; empty when none waits for a later try. */
    public Optional<Instant> nextTry() throws SQLException {
        return deliveries.waiting().stream().map(Deliveries.Delivery::nextAttemptAt).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo);
    }

    /** A delivered package's receipt as the Outbox shows it: what the service says, and whose certificate signed it. */
    public record ShownReceipt(Receipt receipt, String signedBy) {
    }

    /** The receipt of a delivered package with its signer in words; empty before the receipt. */
    public Optional<ShownReceipt> shownReceipt(Deliveries.Delivery d) throws IOException {
        Optional<Receipt> receipt = receipt(d);
        if (receipt.isEmpty()) {
            return Optional.empty();
        }
        String signedBy;
        try {
            signedBy = Certificates.describe(org.epaworkbench.keys.Cms.verifyDetached(
                    Base64.getDecoder().decode(d.receiptSignature()), Base64.getDecoder().decode(d.receipt())).signer());
        } catch (Exception e) {
            signedBy = receipt.get().service();
        }
        return Optional.of(new ShownReceipt(receipt.get(), signedBy));
    }

    /**
     * Writes a delivered package's receipt to {@code folder}: the signed JSON ({@code PACKAGE.receipt.json}) and
     * the service's detached signature over it ({@code PACKAGE.receipt.json.p7s}); returns both files.
     */
    public List<Path> exportReceipt(Deliveries.Delivery d, Path folder) throws IOException {
        if (d.receipt() == null || d.receiptSignature() == null) {
            throw new IOException("Package " + d.packageId() + " has no receipt yet: it has not been delivered.");
        }
        Path json = folder.resolve(d.packageId() + ".receipt.json");
        Path p7s = folder.resolve(d.packageId() + ".receipt.json.p7s");
        Files.write(json, Base64.getDecoder().decode(d.receipt()));
        Files.write(p7s, Base64.getDecoder().decode(d.receiptSignature()));
        return List.of(json, p7s);
    }

    /** Whether the package's own file is still kept in the data folder (a delivered one may have been removed). */
    public boolean localCopyKept(Deliveries.Delivery d) {
        return Files.exists(Path.of(d.file()));
    }

    /**
     * Removes the local package files of deliveries whose receipt is stored and was received at least the
     * number of days the assessor chose ago ({@link Settings#removeDeliveredAfterDays()}); nothing when that
     * is off, and never a package without its receipt. Returns the deliveries whose file was removed now.
     */
    public List<Deliveries.Delivery> removeDeliveredCopies() throws SQLException, IOException {
        java.util.OptionalInt days = services.settings().removeDeliveredAfterDays();
        if (days.isEmpty()) {
            return List.of();
        }
        Instant before = services.clock().instant().minus(Duration.ofDays(days.getAsInt()));
        List<Deliveries.Delivery> removed = new ArrayList<>();
        for (Deliveries.Delivery d : deliveries.all()) {
            if (d.state() == Deliveries.State.DELIVERED && d.receipt() != null && d.receiptSignature() != null
                    && d.receivedAt() != null && !d.receivedAt().isAfter(before) && Files.deleteIfExists(Path.of(d.file()))) {
                removed.add(d);
            }
        }
        return removed;
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
