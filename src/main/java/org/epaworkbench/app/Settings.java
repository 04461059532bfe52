package org.epaworkbench.app;

import java.sql.SQLException;
import java.util.Optional;
import org.epaworkbench.session.SessionSettings;
import org.epaworkbench.store.SettingsStore;

/** The assessor's preferences kept in the data folder, one named method per setting (no keys outside this class). */
public final class Settings {

    /** Behind "Trust on first use" on the Import screen and {@code signers first-use on|off}. */
    private static final String TRUST_ON_FIRST_USE = "import.trustOnFirstUse";

    /** The microphone chosen for recording sessions, by its Java Sound name; empty: the system's default. */
    private static final String MICROPHONE = "recording.microphone";

    private final SettingsStore store;

    Settings(SettingsStore store) {
        this.store = store;
    }

    /** When a session warns that its maximum is near, and that questioning runs long. */
    public SessionSettings sessionSettings() throws SQLException {
        return store.sessionSettings();
    }

    public void saveSessionSettings(SessionSettings settings) throws SQLException {
        store.saveSessionSettings(settings);
    }

    /** The theme last chosen ({@code LIGHT} or {@code DARK}); empty until one is chosen. */
    public Optional<String> theme() throws SQLException {
        return store.theme();
    }

    public void saveTheme(String theme) throws SQLException {
        store.saveTheme(theme);
    }

    /** The microphone sessions are recorded from, by its name as the system lists it; empty: the default one. */
    public Optional<String> microphone() throws SQLException {
        return store.get(MICROPHONE).filter(m -> !m.isBlank());
    }

    /** Chooses the microphone by name; empty goes back to the system's default one. */
    public void saveMicrophone(Optional<String> name) throws SQLException {
        store.put(MICROPHONE, name.map(String::strip).orElse(""));
    }

    /** Whether certificates of unknown assessors are pinned when their first package arrives (off unless chosen). */
    public boolean trustOnFirstUse() throws SQLException {
        return store.get(TRUST_ON_FIRST_USE).map(Boolean::parseBoolean).orElse(false);
    }

    public void trustOnFirstUse(boolean on) throws SQLException {
        store.put(TRUST_ON_FIRST_USE, Boolean.toString(on));
    }

    /** Where deliveries go: the intake service's address and the organisation root's SHA-256; empty until set. */
    public Optional<String[]> deliveryTarget() throws SQLException {
        Optional<String> address = store.get(DELIVERY_ADDRESS).filter(a -> !a.isBlank());
        Optional<String> root = store.get(DELIVERY_ROOT).filter(r -> !r.isBlank());
        return address.isPresent() && root.isPresent() ? Optional.of(new String[] {address.get(), root.get()}) : Optional.empty();
    }

    public void saveDeliveryTarget(String address, String rootFingerprint) throws SQLException {
        store.put(DELIVERY_ADDRESS, address);
        store.put(DELIVERY_ROOT, rootFingerprint);
    }

    /** Delivers nowhere any more: the address and root are forgotten (packages already made keep their state). */
    public void clearDeliveryTarget() throws SQLException {
        store.put(DELIVERY_ADDRESS, "");
        store.put(DELIVERY_ROOT, "");
    }

    /**
     * After how many days a delivered package's local copy is removed (counted from the receipt's time);
     * empty: never (the default).
     */
    public java.util.OptionalInt removeDeliveredAfterDays() throws SQLException {
        Optional<String> days = store.get(REMOVE_DELIVERED_AFTER_DAYS);
        if (days.isEmpty() || days.get().isBlank()) {
            return java.util.OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(days.get().strip());
            return n >= 1 ? java.util.OptionalInt.of(n) : java.util.OptionalInt.empty();
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** Keeps delivered copies for {@code days} after their receipt (at least 1), or for ever when empty. */
    public void removeDeliveredAfterDays(java.util.OptionalInt days) throws SQLException {
        if (days.isPresent() && days.getAsInt() < 1) {
            throw new IllegalArgumentException("Delivered copies are kept at least one day after their receipt (it was "
                    + days.getAsInt() + ").");
        }
        store.put(REMOVE_DELIVERED_AFTER_DAYS, days.isPresent() ? Integer.toString(days.getAsInt()) : "");
    }

    private static final String REMOVE_DELIVERED_AFTER_DAYS = "delivery.removeDeliveredAfterDays";
    private static final String DELIVERY_ADDRESS = "delivery.address";
    private static final String DELIVERY_ROOT = "delivery.rootFingerprint";
}
