package org.epaworkbench.sync;

import java.util.regex.Pattern;

/**
 * The sync package format (see docs/package-format.md): a zip holding {@code manifest.json}, its
 * detached CMS signature {@code manifest.p7s}, the records as JSON under {@code records/} and the
 * signed PDFs under {@code pdf/}. Optionally the whole zip is encrypted to the organisation (CMS
 * AuthEnvelopedData, AES-256-GCM).
 */
public final class PackageFormat {

    public static final int FORMAT_VERSION = 1;
    public static final String EXTENSION = ".epapkg";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.p7s";
    public static final String APPRENTICES = "records/apprentices.json";
    public static final String SIGNED_RECORDS = "records/signed-records.json";
    public static final String SESSIONS = "records/sessions/";
    public static final String PDFS = "pdf/";

    /** Limits an import enforces before trusting anything in a package. */
    public static final int MAX_ENTRIES = 20_000;
    public static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    public static final long MAX_TOTAL_BYTES = 1024L * 1024 * 1024;
    public static final long MAX_PACKAGE_BYTES = 1024L * 1024 * 1024;

    /** Entry names: relative, forward slashes, no dot-dot segments, a small safe alphabet. */
    static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private PackageFormat() {
    }

    /** Why an entry name is unsafe, or null. */
    static String unsafeName(String name) {
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            return "is an absolute path";
        }
        if (name.contains("\\")) {
            return "contains a backslash";
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                return "climbs out of the package (../)";
            }
        }
        if (!SAFE_NAME.matcher(name).matches()) {
            return "has characters a package name may not use";
        }
        return null;
    }
}
