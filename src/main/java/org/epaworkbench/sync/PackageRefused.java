package org.epaworkbench.sync;

/** A package that is not imported, and why; {@link #entry()} names the entry at fault, if one is. */
public class PackageRefused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String entry;

    public PackageRefused(String entry, String message) {
        super(entry == null ? message : entry + ": " + message);
        this.entry = entry;
    }

    public String entry() {
        return entry;
    }
}
