package org.epaworkbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.epaworkbench.intake.Blobs;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.intake.IntakeLedger;
import org.epaworkbench.keys.Certificates;
import org.epaworkbench.keys.SigningIdentity;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.store.Sql;
import org.epaworkbench.sync.PackageImporter;
import org.epaworkbench.sync.PackageRefused;
import org.epaworkbench.sync.Receipt;
import org.epaworkbench.sync.Receipts;

/**
 * What the organisation's office does with a delivered package (ADR 13): checks it completely with the
 * desktop import's rules, keeps it in one transaction, and answers with a receipt signed by the
 * service. The same bytes delivered again get the same receipt and change nothing; a refused package
 * changes nothing and gets its reason.
 */
public final class Intake {

    /** What became of a delivered package. */
    public sealed interface Received permits Accepted, Refused {
    }

    /** Kept (now, or before: {@code again}), with the service's signed receipt. */
    public record Accepted(Receipts.Signed receipt, boolean again, List<String> notices) implements Received {
    }

    /** Not kept, and why, in the words the desktop import uses. */
    public record Refused(String reason) implements Received {
    }

    private final IntakeLedger ledger;
    private final Blobs blobs;
    private final SigningIdentity service;
    private final Clock clock;
    private final java.util.function.Supplier<PlanLibrary> plans;

    /**
     * @param blobs where record PDFs and delivered packages are kept, by hash
     * @param service the service's identity (issued by the organisation root), which signs receipts
     */
    public Intake(IntakeDatabase database, Blobs blobs, SigningIdentity service, Clock clock, PlanLibrary plans) {
        this(database, blobs, service, clock, () -> plans);
    }

    /** As above, with the plans as they are when each package arrives (the office may import a plan pack meanwhile). */
    public Intake(IntakeDatabase database, Blobs blobs, SigningIdentity service, Clock clock,
            java.util.function.Supplier<PlanLibrary> plans) {
        this.ledger = new IntakeLedger(database);
        this.blobs = blobs;
        this.service = service;
        this.clock = clock;
        this.plans = plans;
    }

    /** How the import's refusal of a session on a plan the service does not know ends (LogRules). */
    private static final String PLAN_NOT_INSTALLED = "which is not installed here (import its plan pack first)";

    public IntakeLedger ledger() {
        return ledger;
    }

    /** Receives the package in {@code file} (already written to disk whole), from whoever signed it. */
    public Received receive(Path file) throws IOException, SQLException {
        return receive(file, null);
    }

    /**
     * Receives the package in {@code file} (already written to disk whole) delivered by the assessor whose
     * certificate has {@code deliveredBy} as its fingerprint: a package is delivered only by the assessor who signed it.
     */
    public Received receive(Path file, String deliveredBy) throws IOException, SQLException {
        String sha256 = sha256Of(file);
        long size = Files.size(file);
        if (deliveredBy != null) {
            try {
                String signer = Certificates.fingerprint(PackageImporter.signerOf(file));
                if (!signer.equals(deliveredBy)) {
                    return new Refused("The package is signed by another assessor's certificate (" + signer + ") than the "
                            + "one that delivered it (" + deliveredBy + "): an assessor delivers only their own packages.");
                }
            } catch (PackageRefused e) {
                return new Refused(e.getMessage());
            }
        }
        Optional<Receipts.Signed> before = storedReceipt("sha256", sha256);
        if (before.isPresent()) {
            return new Accepted(before.get(), true, List.of());
        }
        PackageImporter importer = new PackageImporter(ledger.receiving(new IntakeLedger.Receiving(sha256, size)),
                blobs.folder(), r -> Blobs.place(r.sha256(), ".pdf"), () -> null, clock, plans.get())
                // recordings are kept like record PDFs: once each, named by their SHA-256, which the session's log gives
                .withRecordings(blobs.folder(), r -> Blobs.place(r.sha256(), r.extension().isEmpty() ? ".recording"
                        : r.extension()));
        PackageImporter.Outcome outcome;
        try {
            outcome = importer.importPackage(file, null, PackageImporter.UnknownSigners.REFUSE, false);
        } catch (PackageRefused e) {
            // the import's own advice is the desktop's; on the service it is the office that imports the pack
            return new Refused(e.getMessage().contains(PLAN_NOT_INSTALLED) ? e.getMessage().replace(PLAN_NOT_INSTALLED,
                    "which the intake service does not have") + ". The office imports the plan pack into the intake service "
                    + "(serve plans import PACK.json); then the assessor sends the package again (Deliver again in the "
                    + "Outbox, or deliver --again)." : e.getMessage());
        } catch (IntakeLedger.SamePackageIdOtherContent e) {
            return new Refused(e.getMessage() + "; a package is delivered once, as it was made");
        }
        blobs.store(file, sha256, ".epapkg");
        return new Accepted(receiptFor(outcome.packageId(), outcome.trust().reason()), outcome.applied().packageSeenBefore(),
                outcome.notices());
    }

    /**
     * The receipt of a kept package: signed once, when first asked for, and stored with it, so a package
     * delivered twice (or kept just before the service stopped) gets the same receipt.
     */
    private Receipts.Signed receiptFor(String packageId, String trust) throws SQLException, IOException {
        Optional<Receipts.Signed> stored = storedReceipt("package_id", packageId);
        if (stored.isPresent()) {
            return stored.get();
        }
        Receipt receipt = ledger.database().inTransaction(c -> {
            var row = Sql.one(c, "SELECT sha256, size_bytes, assessor_key, received_at FROM intake_package WHERE package_id = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, packageId)
                    .orElseThrow(() -> new SQLException("package " + packageId + " is not here"));
            List<String> sessions = Sql.query(c, "SELECT item_id FROM intake_package_item WHERE package_id = ? AND kind = "
                    + "'session' ORDER BY item_id", rs -> rs.getString(1), packageId);
            List<String> records = Sql.query(c, "SELECT item_id FROM intake_package_item WHERE package_id = ? AND kind = "
                    + "'record' ORDER BY item_id", rs -> rs.getString(1), packageId);
            return new Receipt(packageId, row[0], Long.parseLong(row[1]), row[2], sessions, records,
                    java.time.Instant.parse(row[3]), Certificates.describe(service.certificate()));
        });
        Receipts.Signed signed;
        try {
            signed = Receipts.sign(receipt, service);
        } catch (GeneralSecurityException e) {
            throw new IOException("The service could not sign the receipt: " + e.getMessage(), e);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        ledger.database().inTransaction(c -> Sql.update(c, "UPDATE intake_package SET receipt = ?, receipt_signature = ?, "
                + "trust = ? WHERE package_id = ? AND receipt IS NULL", b64.encodeToString(signed.json()),
                b64.encodeToString(signed.signature()), trust, packageId));
        // whoever wrote first wins: two deliveries at once both answer with the stored one
        return storedReceipt("package_id", packageId).orElseThrow();
    }

    /** The stored receipt of a package, by its id or its hash. */
    public Optional<Receipts.Signed> storedReceipt(String by, String value) throws SQLException, IOException {
        if (!by.equals("package_id") && !by.equals("sha256")) {
            throw new IllegalArgumentException(by);
        }
        Optional<String[]> row = ledger.database().inTransaction(c -> Sql.one(c, "SELECT receipt, receipt_signature FROM "
                + "intake_package WHERE " + by + " = ? AND receipt IS NOT NULL", rs -> new String[] {rs.getString(1),
                rs.getString(2)}, value));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        byte[] json = Base64.getDecoder().decode(row.get()[0]);
        return Optional.of(new Receipts.Signed(Receipt.fromJson(json), json, Base64.getDecoder().decode(row.get()[1])));
    }

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256Of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
