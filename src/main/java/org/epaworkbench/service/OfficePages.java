package org.epaworkbench.service;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.epaworkbench.intake.Blobs;
import org.epaworkbench.intake.IntakeDatabase;
import org.epaworkbench.packs.PlanLibrary;
import org.epaworkbench.store.Sql;

/**
 * The office's pages, served by the intake service itself (server-rendered HTML, no front-end build):
 * packages and records received, by assessor, apprentice, standard and date, each with how it was
 * verified on receipt, its receipt, and the record's PDF. Only for the office: HTTP Basic over TLS,
 * user {@code office} and the password {@link OfficePassword} keeps.
 */
public final class OfficePages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private final IntakeDatabase database;
    private final Blobs blobs;
    private final java.util.function.Supplier<PlanLibrary> plans;
    private final OfficePassword password;
    private final ZoneId zone;

    public OfficePages(IntakeDatabase database, Blobs blobs, PlanLibrary plans, OfficePassword password, ZoneId zone) {
        this(database, blobs, () -> plans, password, zone);
    }

    /** As above, with the plans as they are when a page is shown (the office may import a plan pack meanwhile). */
    public OfficePages(IntakeDatabase database, Blobs blobs, java.util.function.Supplier<PlanLibrary> plans,
            OfficePassword password, ZoneId zone) {
        this.database = database;
        this.blobs = blobs;
        this.plans = plans;
        this.password = password;
        this.zone = zone;
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::records);
        routes.get("/packages", this::packages);
        routes.get("/packages/{id}", this::aPackage);
        routes.get("/packages/{id}/receipt.json", ctx -> receiptFile(ctx, false));
        routes.get("/packages/{id}/receipt.p7s", ctx -> receiptFile(ctx, true));
        routes.get("/records/{id}/pdf", this::pdf);
        routes.get("/office.css", ctx -> ctx.contentType("text/css").result(CSS));
    }

    /** True if the request carries the office's user and password; otherwise asks for them. */
    private boolean allowed(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Basic ")) {
            try {
                String pair = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0 && pair.substring(0, colon).equals("office") && password.matches(pair.substring(colon + 1))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not Base64: asked again below
            }
        }
        ctx.header("WWW-Authenticate", "Basic realm=\"EPA Workbench office\", charset=\"UTF-8\"");
        ctx.status(401).contentType("text/html; charset=utf-8").result(page("Sign in", "<p>The office's pages need the "
                + "office's user name (<code>office</code>) and password, as <code>serve</code> printed when it first "
                + "started.</p>"));
        return false;
    }

    private void records(Context ctx) throws SQLException {
        if (!allowed(ctx)) {
            return;
        }
        String assessor = ctx.queryParam("assessor");
        String apprentice = ctx.queryParam("apprentice");
        String standard = ctx.queryParam("standard");
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (notBlank(assessor)) {
            where.append(" AND lower(p.assessor_name) LIKE ?");
            params.add("%" + assessor.toLowerCase(Locale.ROOT) + "%");
        }
        if (notBlank(apprentice)) {
            where.append(" AND (lower(a.name) LIKE ? OR a.uln = ?)");
            params.add("%" + apprentice.toLowerCase(Locale.ROOT) + "%");
            params.add(apprentice.strip());
        }
        if (notBlank(standard)) {
            where.append(" AND lower(s.plan_id) LIKE ?");
            params.add("%" + standard.toLowerCase(Locale.ROOT) + "%");
        }
        if (notBlank(from)) {
            where.append(" AND r.received_at >= ?");
            params.add(from.strip());
        }
        if (notBlank(to)) {
            where.append(" AND r.received_at < ?");
            params.add(to.strip() + "T99");
        }
        List<String[]> rows = database.inTransaction(c -> Sql.query(c, "SELECT r.id, r.received_at, p.assessor_name, "
                + "a.name, a.uln, s.plan_id, s.component_id, r.signed_at, p.trust, p.package_id, r.file_name "
                + "FROM intake_record r JOIN intake_package p ON p.package_id = r.package_id "
                + "LEFT JOIN intake_session s ON s.id = r.session_id "
                + "LEFT JOIN intake_apprentice a ON a.id = COALESCE(r.apprentice_id, s.apprentice_id)" + where
                + " ORDER BY r.received_at DESC, r.id LIMIT 500", rs -> {
                    String[] v = new String[11];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getString(i + 1);
                    }
                    return v;
                }, params.toArray()));
        StringBuilder b = new StringBuilder();
        b.append(nav("records"));
        b.append("<form class=\"filters\" method=\"get\" action=\"/\">")
                .append(field("assessor", "Assessor", assessor)).append(field("apprentice", "Apprentice or ULN", apprentice))
                .append(field("standard", "Standard", standard)).append(dateField("from", "Received from", from))
                .append(dateField("to", "to", to)).append("<button type=\"submit\">Show</button> <a href=\"/\">Clear</a></form>");
        b.append("<p class=\"count\">").append(rows.size()).append(rows.size() == 1 ? " record" : " records")
                .append(rows.size() == 500 ? " (the newest 500; narrow the search to see others)" : "").append("</p>");
        if (rows.isEmpty()) {
            b.append("<p class=\"empty\">No records match. Records appear here when assessors' apps deliver them.</p>");
        } else {
            b.append("<table><thead><tr><th>Received</th><th>Apprentice</th><th>Standard and component</th><th>Assessor</th>"
                    + "<th>Signed</th><th>Verified on receipt</th><th></th></tr></thead><tbody>");
            PlanLibrary library = plans.get();
            for (String[] r : rows) {
                b.append("<tr><td>").append(when(r[1])).append("</td><td>").append(esc(orDash(r[3])))
                        .append(r[4] == null ? "" : "<br><span class=\"uln\">ULN " + esc(r[4]) + "</span>")
                        .append("</td><td>").append(esc(standardName(library, r[5]))).append(r[6] == null ? "" : "<br>" + esc(componentName(library, r[5], r[6])))
                        .append("</td><td>").append(esc(r[2])).append("</td><td>").append(when(r[7]))
                        .append("</td><td><span class=\"ok\">Verified</span><br><span class=\"why\">").append(esc(orDash(r[8])))
                        .append("</span></td><td><a href=\"/records/").append(url(r[0])).append("/pdf\">PDF</a> · <a href=\"/packages/")
                        .append(url(r[9])).append("\">receipt</a></td></tr>");
            }
            b.append("</tbody></table>");
        }
        ctx.contentType("text/html; charset=utf-8").result(page("Records received", b.toString()));
    }

    private void packages(Context ctx) throws SQLException {
        if (!allowed(ctx)) {
            return;
        }
        List<String[]> rows = database.inTransaction(c -> Sql.query(c, "SELECT package_id, received_at, assessor_name, "
                + "sessions, records, size_bytes, receipt IS NOT NULL FROM intake_package ORDER BY received_at DESC LIMIT 500",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7) ? "yes" : "no"}));
        StringBuilder b = new StringBuilder(nav("packages"));
        if (rows.isEmpty()) {
            b.append("<p class=\"empty\">No packages yet.</p>");
        } else {
            b.append("<table><thead><tr><th>Received</th><th>Assessor</th><th>Sessions</th><th>Records</th><th>Size</th>"
                    + "<th>Receipt</th></tr></thead><tbody>");
            for (String[] r : rows) {
                b.append("<tr><td><a href=\"/packages/").append(url(r[0])).append("\">").append(when(r[1])).append("</a></td><td>")
                        .append(esc(r[2])).append("</td><td>").append(r[3]).append("</td><td>").append(r[4]).append("</td><td>")
                        .append(size(Long.parseLong(r[5]))).append("</td><td>").append(r[6].equals("yes") ? "signed" : "not yet")
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        ctx.contentType("text/html; charset=utf-8").result(page("Packages received", b.toString()));
    }

    private void aPackage(Context ctx) throws SQLException {
        if (!allowed(ctx)) {
            return;
        }
        String id = ctx.pathParam("id");
        Optional<String[]> row = database.inTransaction(c -> Sql.one(c, "SELECT package_id, sha256, size_bytes, assessor_name, "
                + "certificate_fingerprint, created_at, received_at, trust, receipt FROM intake_package WHERE package_id = ?",
                rs -> {
                    String[] v = new String[9];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getString(i + 1);
                    }
                    return v;
                }, id));
        if (row.isEmpty()) {
            ctx.status(404).contentType("text/html; charset=utf-8").result(page("No such package",
                    "<p>No package " + esc(id) + " was received. <a href=\"/packages\">All packages</a></p>"));
            return;
        }
        String[] p = row.get();
        StringBuilder b = new StringBuilder(nav("packages"));
        b.append("<dl>").append(dt("Package", p[0])).append(dt("Assessor", p[3])).append(dt("Certificate SHA-256", p[4]))
                .append(dt("Made", when(p[5]))).append(dt("Received", when(p[6]))).append(dt("Size", size(Long.parseLong(p[2]))))
                .append(dt("Package SHA-256", p[1])).append(dt("Signer trusted because", orDash(p[7]))).append("</dl>");
        b.append("<h2>Receipt</h2>");
        b.append(p[8] == null ? "<p>Not signed yet.</p>" : "<p>Signed by the service; the assessor's app holds the same "
                + "receipt. <a href=\"/packages/" + url(p[0]) + "/receipt.json\">Receipt</a> · <a href=\"/packages/" + url(p[0])
                + "/receipt.p7s\">its signature</a></p><pre class=\"receipt\">" + esc(prettyReceipt(p[8])) + "</pre>");
        ctx.contentType("text/html; charset=utf-8").result(page("Package " + p[0], b.toString()));
    }

    private static String prettyReceipt(String base64) {
        String json = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        try {
            return org.epaworkbench.packs.JsonFiles.pretty(org.epaworkbench.packs.JsonFiles.mapper().readTree(json));
        } catch (IOException e) {
            return json;
        }
    }

    private void receiptFile(Context ctx, boolean signature) throws SQLException {
        if (!allowed(ctx)) {
            return;
        }
        Optional<String> value = database.inTransaction(c -> Sql.one(c, "SELECT " + (signature ? "receipt_signature" : "receipt")
                + " FROM intake_package WHERE package_id = ? AND receipt IS NOT NULL", rs -> rs.getString(1),
                ctx.pathParam("id")));
        if (value.isEmpty()) {
            ctx.status(404).contentType("text/html; charset=utf-8").result(page("No such receipt", "<p>No receipt for that "
                    + "package.</p>"));
            return;
        }
        String name = ctx.pathParam("id").replaceAll("[^A-Za-z0-9-]", "_") + (signature ? ".receipt.p7s" : ".receipt.json");
        ctx.contentType(signature ? "application/pkcs7-signature" : "application/json")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .result(Base64.getDecoder().decode(value.get()));
    }

    private void pdf(Context ctx) throws SQLException, IOException {
        if (!allowed(ctx)) {
            return;
        }
        Optional<String[]> r = database.inTransaction(c -> Sql.one(c, "SELECT sha256, file_name FROM intake_record WHERE id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, ctx.pathParam("id")));
        Optional<java.nio.file.Path> file = r.flatMap(x -> blobs.find(x[0], ".pdf"));
        if (file.isEmpty()) {
            ctx.status(404).contentType("text/html; charset=utf-8").result(page("No such record", "<p>No record with that id "
                    + "was received.</p>"));
            return;
        }
        ctx.contentType("application/pdf").header("Content-Disposition", "attachment; filename=\""
                + r.get()[1].replaceAll("[^A-Za-z0-9._-]", "_") + "\"").result(java.nio.file.Files.newInputStream(file.get()));
    }

    private static String standardName(PlanLibrary plans, String planId) {
        if (planId == null) {
            return "—";
        }
        return plans.find(planId).map(p -> p.plan().title()).orElse(planId);
    }

    private static String componentName(PlanLibrary plans, String planId, String componentId) {
        return plans.find(planId).flatMap(p -> p.plan().component(componentId)).map(c -> c.title()).orElse(componentId);
    }

    private String when(String iso) {
        if (iso == null) {
            return "—";
        }
        try {
            return WHEN.format(Instant.parse(iso).atZone(zone));
        } catch (java.time.DateTimeException e) {
            return esc(iso);
        }
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB" : String.format(Locale.UK, "%.1f MB", bytes / 1048576.0);
    }

    private static String nav(String here) {
        return "<nav><a href=\"/\"" + (here.equals("records") ? " class=\"here\"" : "") + ">Records</a> <a href=\"/packages\""
                + (here.equals("packages") ? " class=\"here\"" : "") + ">Packages</a></nav>";
    }

    private static String field(String name, String label, String value) {
        return "<label>" + esc(label) + " <input name=\"" + name + "\" value=\"" + esc(value == null ? "" : value) + "\"></label>";
    }

    private static String dateField(String name, String label, String value) {
        return "<label>" + esc(label) + " <input type=\"date\" name=\"" + name + "\" value=\"" + esc(value == null ? "" : value)
                + "\"></label>";
    }

    private static String dt(String term, String value) {
        return "<dt>" + esc(term) + "</dt><dd>" + esc(value) + "</dd>";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    private static String url(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + esc(title) + " — EPA Workbench intake</title>"
                + "<link rel=\"stylesheet\" href=\"/office.css\"></head><body><header><h1>" + esc(title)
                + "</h1><span class=\"product\">EPA Workbench intake service</span></header><main>" + body
                + "</main></body></html>";
    }

    /** The office's password, kept as a salted PBKDF2 hash in the service's data folder. */
    public static final class OfficePassword {
        private final byte[] salt;
        private final byte[] hash;

        private OfficePassword(byte[] salt, byte[] hash) {
            this.salt = salt;
            this.hash = hash;
        }

        /** Reads the password file, or makes a new random password (returned once, to show) and writes its hash. */
        public static java.util.Map.Entry<OfficePassword, String> loadOrCreate(java.nio.file.Path file) throws IOException {
            if (java.nio.file.Files.exists(file)) {
                String[] parts = java.nio.file.Files.readString(file).strip().split(":");
                if (parts.length == 3 && parts[0].equals("pbkdf2-sha256")) {
                    return java.util.Map.entry(new OfficePassword(Base64.getDecoder().decode(parts[1]),
                            Base64.getDecoder().decode(parts[2])), "");
                }
                throw new IOException(file + " is not an office password file; delete it to make a new password.");
            }
            java.security.SecureRandom random = new java.security.SecureRandom();
            String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            StringBuilder pw = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                pw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            OfficePassword p = new OfficePassword(salt, derive(pw.toString(), salt));
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            org.epaworkbench.store.OwnerOnly.createFile(file);
            java.nio.file.Files.writeString(file, "pbkdf2-sha256:" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(p.hash) + "\n");
            return java.util.Map.entry(p, pw.toString());
        }

        boolean matches(String candidate) {
            return MessageDigest.isEqual(hash, derive(candidate, salt));
        }

        private static byte[] derive(String password, byte[] salt) {
            try {
                javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
                return f.generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, 210_000, 256)).getEncoded();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final String CSS = """
            body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0; color: #1b1f24; background: #f6f7f9; }
            header { background: #1f3a5f; color: #fff; padding: 12px 24px; display: flex; align-items: baseline; gap: 16px; }
            header h1 { font-size: 1.3rem; margin: 0; }
            .product { opacity: .8; font-size: .9rem; }
            main { padding: 16px 24px; }
            nav a { margin-right: 16px; font-weight: 600; color: #1f3a5f; }
            nav a.here { text-decoration: none; border-bottom: 3px solid #1f3a5f; }
            form.filters { margin: 16px 0; display: flex; flex-wrap: wrap; gap: 12px; align-items: end; }
            form.filters label { display: flex; flex-direction: column; font-size: .85rem; }
            input { padding: 4px 6px; font-size: .95rem; }
            button { padding: 5px 14px; }
            table { border-collapse: collapse; width: 100%; background: #fff; }
            th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #dde1e6; vertical-align: top; font-size: .92rem; }
            th { background: #e9edf2; }
            .ok { color: #0b6b2f; font-weight: 600; }
            .why, .uln { color: #555; font-size: .8rem; }
            .count, .empty { color: #444; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; background: #fff; padding: 12px; }
            dt { font-weight: 600; } dd { margin: 0; word-break: break-all; }
            pre.receipt { background: #fff; padding: 12px; white-space: pre-wrap; word-break: break-all; }
            """;
}
