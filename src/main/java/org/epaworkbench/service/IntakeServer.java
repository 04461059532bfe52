package org.epaworkbench.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.epaworkbench.app.Intake;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.JsonFiles;
import org.epaworkbench.sync.DeliveryRequests;
import org.epaworkbench.sync.PackageFormat;
import org.epaworkbench.sync.Receipts;
import org.epaworkbench.sync.SignerTrust;

/**
 * The organisation's intake service over HTTPS (ADR 13, docs/api.md): assessors' apps deliver packages
 * in resumable pieces, each request signed with the assessor's key; a package complete and whole is
 * handed to {@link Intake} and answered with its signed receipt. The office's pages are served beside
 * the API ({@link OfficePages}).
 */
public final class IntakeServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IntakeServer.class.getName());
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    public static final String OFFSET = "Upload-Offset";
    public static final String LENGTH = "Upload-Length";

    private final Intake intake;
    private final Path uploads;
    private final Clock clock;
    private final SigningIdentity identity;
    private final OfficePages office;
    private final Map<String, ReentrantLock> uploading = new ConcurrentHashMap<>();
    /**
     * Packages checked and kept at once ({@link #IMPORTS_AT_ONCE}); a package whose last piece arrives meanwhile
     * waits its turn, so a burst of deliveries shares the database's connections instead of timing out waiting
     * for one (found by the intake benchmark: 50 clients at once, 16 connections).
     */
    private final java.util.concurrent.Semaphore importing = new java.util.concurrent.Semaphore(IMPORTS_AT_ONCE, true);
    static final int IMPORTS_AT_ONCE = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private Javalin app;
    private java.time.Duration abandonAfter = DEFAULT_ABANDON_AFTER;
    private java.util.concurrent.ScheduledExecutorService sweeper;

    /** How long an upload may stand still before its pieces are removed, unless told otherwise. */
    public static final java.time.Duration DEFAULT_ABANDON_AFTER = java.time.Duration.ofDays(7);

    /**
     * @param uploads where pieces of packages wait until the whole package has arrived
     * @param identity the service's key and certificate (TLS, and the receipts {@code intake} signs)
     */
    public IntakeServer(Intake intake, Path uploads, SigningIdentity identity, OfficePages office, Clock clock) {
        this.intake = intake;
        this.uploads = uploads;
        this.identity = identity;
        this.office = office;
        this.clock = clock;
    }

    /**
     * The service's server with the office's pages, its uploads in {@code dataFolder}; the office password is
     * made on the first start ({@link #officePasswordShownOnce()}).
     */
    public static IntakeServer forService(org.epaworkbench.app.IntakeService service, Path dataFolder, java.time.ZoneId zone,
            Clock clock) throws IOException {
        var office = OfficePages.OfficePassword.loadOrCreate(dataFolder.resolve("office-password"));
        IntakeServer server = new IntakeServer(service.intake(), dataFolder.resolve("uploads"), service.identity(),
                new OfficePages(service.database(), service.blobs(), service.livePlans(), office.getKey(), zone), clock);
        server.newOfficePassword = office.getValue();
        return server;
    }

    private String newOfficePassword = "";

    /** Pieces of an upload not continued for {@code limit} are removed (at start, then every hour or sooner). */
    public IntakeServer abandonAfter(java.time.Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("abandon after " + limit);
        }
        this.abandonAfter = limit;
        return this;
    }

    /** An upload removed because no piece arrived for longer than the limit. */
    public record Abandoned(String sha256, long bytes, String deliveredBy, java.time.Instant lastPiece) {
    }

    /**
     * Removes the pieces of every upload whose last piece arrived longer ago than the limit (by the clock), and says
     * which; an upload receiving a piece right now is left for the next sweep. The app starts such a package again
     * from its first byte.
     */
    public java.util.List<Abandoned> sweepAbandoned() throws IOException {
        java.time.Instant before = clock.instant().minus(abandonAfter);
        java.util.Set<String> shas = new java.util.TreeSet<>();
        if (!Files.isDirectory(uploads)) {
            return java.util.List.of();
        }
        try (var files = Files.newDirectoryStream(uploads)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot > 0 && (name.endsWith(".part") || name.endsWith(".who")) && SHA256.matcher(name.substring(0, dot)).matches()) {
                    shas.add(name.substring(0, dot));
                }
            }
        }
        java.util.List<Abandoned> removed = new java.util.ArrayList<>();
        for (String sha : shas) {
            ReentrantLock lock = uploading.computeIfAbsent(sha, k -> new ReentrantLock());
            if (!lock.tryLock()) {
                continue; // a piece is arriving: not abandoned
            }
            try {
                Path part = uploads.resolve(sha + ".part");
                Path owner = uploads.resolve(sha + ".who");
                java.time.Instant last = java.time.Instant.MIN;
                for (Path f : new Path[] {part, owner}) {
                    if (Files.exists(f)) {
                        java.time.Instant t = Files.getLastModifiedTime(f).toInstant();
                        last = t.isAfter(last) ? t : last;
                    }
                }
                if (last.equals(java.time.Instant.MIN) || !last.isBefore(before)) {
                    continue;
                }
                long bytes = Files.exists(part) ? Files.size(part) : 0;
                String by = Files.exists(owner) ? Files.readString(owner) : "";
                Files.deleteIfExists(part);
                Files.deleteIfExists(owner);
                Abandoned a = new Abandoned(sha, bytes, by, last);
                removed.add(a);
                LOG.info("Removed an upload not continued since " + last + " (limit " + abandonAfter + "): package SHA-256 "
                        + sha + ", " + bytes + " bytes received, from the assessor whose certificate has SHA-256 "
                        + (by.isEmpty() ? "(not known)" : by));
            } finally {
                lock.unlock();
                uploading.remove(sha, lock);
            }
        }
        return removed;
    }

    private void sweepLogged() {
        try {
            sweepAbandoned();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove abandoned uploads from " + uploads + "; tried again later", e);
        }
    }

    /** The office's password if this start made it (shown once, then kept only as a hash); empty otherwise. */
    public String officePasswordShownOnce() {
        return newOfficePassword;
    }

    /** Starts serving HTTPS on {@code port} (0: any free port); returns the port. */
    public int start(String host, int port) throws IOException {
        Files.createDirectories(uploads);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(keyStore(identity));
        tls.setKeyStorePassword("");
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = PackageFormat.MAX_PACKAGE_BYTES;
            config.jetty.addConnector((server, http) -> {
                HttpConfiguration https = new HttpConfiguration(http);
                SecureRequestCustomizer src = new SecureRequestCustomizer();
                src.setSniHostCheck(false);
                https.addCustomizer(src);
                ServerConnector c = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                        new HttpConnectionFactory(https));
                c.setHost(host);
                c.setPort(port);
                return c;
            });
            config.routes.get("/api/v1/health", this::health);
            config.routes.get("/api/v1/packages/{sha256}", this::status);
            config.routes.post("/api/v1/packages/{sha256}", this::upload);
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.log(Level.WARNING, "intake request failed", e);
                problem(ctx, 500, "failed", "The service could not finish this request; nothing partial was kept. "
                        + "Try again later.");
            });
            if (office != null) {
                office.register(config.routes);
            }
        });
        app.start();
        sweepLogged();
        long every = Math.max(60, Math.min(3600, abandonAfter.toSeconds() / 4));
        sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "intake-abandoned-uploads");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweepLogged, every, every, java.util.concurrent.TimeUnit.SECONDS);
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    private static KeyStore keyStore(SigningIdentity identity) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("service", identity.privateKey(), new char[0],
                    identity.chain().toArray(new java.security.cert.Certificate[0]));
            return ks;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("The service's key cannot be used for TLS: " + e.getMessage(), e);
        }
    }

    private void health(Context ctx) {
        ObjectNode n = JsonFiles.mapper().createObjectNode();
        n.put("status", "ok");
        n.put("service", org.epaworkbench.keys.Certificates.describe(identity.certificate()));
        ctx.contentType("application/json").result(n.toString());
    }

    /** Who is asking, if they prove it and the service trusts them; otherwise answers 401/403 and returns null. */
    private DeliveryRequests.Signer signer(Context ctx, String method, long offset, long length) throws SQLException {
        DeliveryRequests.Signer s;
        try {
            s = DeliveryRequests.check(ctx.header(DeliveryRequests.CERTIFICATES), ctx.header(DeliveryRequests.TIME),
                    ctx.header(DeliveryRequests.SIGNATURE), method, ctx.path(), offset, length, clock.instant());
        } catch (DeliveryRequests.NotSigned e) {
            problem(ctx, 401, "not-signed", e.getMessage());
            return null;
        }
        SignerTrust.Decision trust = SignerTrust.load(intake.ledger(), null, clock).decide(s.certificate(), s.chain(),
                clock.instant());
        if (!trust.trusted()) {
            problem(ctx, 403, "not-registered", "The certificate " + s.fingerprint() + " is not a registered assessor's: "
                    + trust.reason() + " Ask the office to register it.");
            return null;
        }
        return s;
    }

    private String sha(Context ctx) {
        String sha = ctx.pathParam("sha256");
        if (!SHA256.matcher(sha).matches()) {
            problem(ctx, 400, "bad-hash", "The address must end with the package's SHA-256 in 64 lower-case hex digits.");
            return null;
        }
        return sha;
    }

    private void status(Context ctx) throws SQLException, IOException {
        String sha = sha(ctx);
        if (sha == null || signer(ctx, "GET", 0, 0) == null) {
            return;
        }
        var stored = intake.storedReceipt("sha256", sha);
        if (stored.isPresent()) {
            accepted(ctx, stored.get(), true, java.util.List.of());
            return;
        }
        Path part = uploads.resolve(sha + ".part");
        ObjectNode n = JsonFiles.mapper().createObjectNode();
        n.put("status", Files.exists(part) ? "partial" : "unknown");
        n.put("offset", Files.exists(part) ? Files.size(part) : 0);
        ctx.header(OFFSET, String.valueOf(n.get("offset").asLong())).contentType("application/json").result(n.toString());
    }

    /**
     * A refused piece is read to its end (up to a little more than a piece the app sends) before the answer,
     * so the sender reads the answer instead of a broken connection; a longer one is cut off.
     */
    private static final long DRAIN_LIMIT = 2L * 1024 * 1024;

    private void upload(Context ctx) throws SQLException, IOException {
        try {
            receivePiece(ctx);
        } finally {
            if (ctx.status().getCode() >= 400) {
                try (InputStream rest = ctx.bodyInputStream()) {
                    byte[] buf = new byte[1 << 16];
                    long n = 0;
                    for (int r; n < DRAIN_LIMIT && (r = rest.read(buf)) > 0;) {
                        n += r;
                    }
                } catch (IOException e) {
                    // the sender went away: nothing to answer
                }
            }
        }
    }

    private void receivePiece(Context ctx) throws SQLException, IOException {
        String sha = sha(ctx);
        if (sha == null) {
            return;
        }
        long offset;
        long length;
        try {
            offset = Long.parseLong(ctx.header(OFFSET));
            length = Long.parseLong(ctx.header(LENGTH));
        } catch (NumberFormatException e) {
            problem(ctx, 400, "bad-range", "Give the piece's place with the headers " + OFFSET + " and " + LENGTH + " (bytes).");
            return;
        }
        if (length <= 0 || length > PackageFormat.MAX_PACKAGE_BYTES || offset < 0 || offset > length) {
            problem(ctx, 413, "too-large", "A package is at most " + PackageFormat.MAX_PACKAGE_BYTES / (1024 * 1024)
                    + " MB, and a piece starts inside it.");
            return;
        }
        DeliveryRequests.Signer who = signer(ctx, "POST", offset, length);
        if (who == null) {
            return;
        }
        var stored = intake.storedReceipt("sha256", sha);
        if (stored.isPresent()) {
            accepted(ctx, stored.get(), true, java.util.List.of());
            return;
        }
        ReentrantLock lock = uploading.computeIfAbsent(sha, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            problem(ctx, 409, "in-progress", "This package is being delivered on another connection; ask again shortly.");
            return;
        }
        try {
            Path part = uploads.resolve(sha + ".part");
            Path owner = uploads.resolve(sha + ".who");
            if (Files.exists(owner) && !Files.readString(owner).equals(who.fingerprint())) {
                problem(ctx, 409, "not-yours", "Another assessor started delivering a package with these bytes.");
                return;
            }
            long have = Files.exists(part) ? Files.size(part) : 0;
            if (have != offset) {
                ctx.header(OFFSET, String.valueOf(have));
                problem(ctx, 409, "wrong-offset", "The service has " + have + " bytes of this package; send from there.");
                return;
            }
            if (!Files.exists(owner) && unfinishedBy(who.fingerprint()) >= MAX_UNFINISHED) {
                problem(ctx, 429, "too-many-unfinished", "You have " + MAX_UNFINISHED + " packages part-delivered here; "
                        + "finish those first (the app resumes them by itself).");
                return;
            }
            Files.writeString(owner, who.fingerprint());
            long wrote = append(ctx.bodyInputStream(), part, length - offset);
            if (wrote < 0) {
                problem(ctx, 413, "too-long", "The piece goes past the package's length (" + LENGTH + ").");
                Files.deleteIfExists(part);
                Files.deleteIfExists(owner);
                return;
            }
            long now = Files.size(part);
            if (now < length) {
                ObjectNode n = JsonFiles.mapper().createObjectNode();
                n.put("status", "partial");
                n.put("offset", now);
                ctx.status(202).header(OFFSET, String.valueOf(now)).contentType("application/json").result(n.toString());
                return;
            }
            try {
                if (!org.epaworkbench.app.Intake.sha256Of(part).equals(sha)) {
                    problem(ctx, 422, "hash-mismatch", "The bytes received do not have the SHA-256 the address names; they "
                            + "were changed on the way. Send the package again from the start.");
                    return;
                }
                Intake.Received r;
                importing.acquireUninterruptibly();
                try {
                    r = intake.receive(part, who.fingerprint());
                } finally {
                    importing.release();
                }
                if (r instanceof Intake.Accepted a) {
                    accepted(ctx, a.receipt(), a.again(), a.notices());
                } else if (r instanceof Intake.Refused refused) {
                    problem(ctx, 422, "refused", refused.reason());
                }
            } finally {
                Files.deleteIfExists(part);
                Files.deleteIfExists(owner);
            }
        } finally {
            lock.unlock();
            uploading.remove(sha, lock);
        }
    }

    /**
     * How many packages one assessor may have part-delivered at once: an app sends one at a time, so more is a
     * client gone wrong (or someone filling the service's disk with pieces never finished).
     */
    static final int MAX_UNFINISHED = 4;

    private long unfinishedBy(String fingerprint) throws IOException {
        long n = 0;
        try (var whos = Files.newDirectoryStream(uploads, "*.who")) {
            for (Path w : whos) {
                try {
                    if (Files.readString(w).equals(fingerprint)) {
                        n++;
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // that package was finished (or swept) on another connection meanwhile: not unfinished
                }
            }
        }
        return n;
    }

    /** Appends at most {@code room} bytes; -1 if the body held more. The piece is on disk (forced) before the answer. */
    private static long append(InputStream body, Path part, long room) throws IOException {
        long n = 0;
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                var ch = java.nio.channels.FileChannel.open(part, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = body.read(buf)) > 0;) {
                if (n + r > room) {
                    return -1;
                }
                out.write(buf, 0, r);
                n += r;
            }
            out.flush();
            ch.force(true);
        }
        return n;
    }

    private static void accepted(Context ctx, Receipts.Signed receipt, boolean again, java.util.List<String> notices) {
        ObjectNode n = JsonFiles.mapper().createObjectNode();
        n.put("status", "received");
        n.put("again", again);
        n.put("receipt", Base64.getEncoder().encodeToString(receipt.json()));
        n.put("signature", Base64.getEncoder().encodeToString(receipt.signature()));
        var list = n.putArray("notices");
        notices.forEach(list::add);
        ctx.status(200).contentType("application/json").result(n.toString());
    }

    static void problem(Context ctx, int status, String code, String message) {
        ObjectNode n = JsonFiles.mapper().createObjectNode();
        n.put("status", "error");
        n.put("code", code);
        n.put("message", message);
        ctx.status(status).contentType("application/json").result(n.toString());
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (app != null) {
            app.stop();
        }
    }
}
