package org.epaworkbench.ui;

import java.sql.SQLException;
import java.util.OptionalInt;
import org.epaworkbench.app.OrganisationDelivery;
import org.epaworkbench.app.Settings;

/**
 * The Settings dialog's "Delivery" tab without its nodes (issue 15): the organisation's intake service
 * (address and pinned root's SHA-256, checked by {@link OrganisationDelivery#setTarget}) and how long
 * delivered packages are kept. Reading and saving run off the FX thread; problems come back per field,
 * in the assessor's words. Tested with plain JUnit.
 */
final class DeliverySettingsForm {

    /** What the tab shows and the assessor typed. {@code days} counts only when {@code removeDelivered}. */
    record Values(String address, String rootFingerprint, boolean removeDelivered, int days) {
    }

    /** What is wrong with each field (null where nothing is). */
    record Problems(String address, String rootFingerprint, String days) {
        static final Problems NONE = new Problems(null, null, null);

        boolean none() {
            return address == null && rootFingerprint == null && days == null;
        }
    }

    private DeliverySettingsForm() {
    }

    /** The settings as kept; off the FX thread. */
    static Values read(OrganisationDelivery delivery, Settings settings) throws SQLException {
        var target = delivery.target();
        OptionalInt days = settings.removeDeliveredAfterDays();
        return new Values(target.map(t -> t.address().toString()).orElse(""), target.map(OrganisationDelivery.Target::rootFingerprint)
                .orElse(""), days.isPresent(), days.orElse(30));
    }

    /**
     * Checks and keeps {@code v}; off the FX thread. Nothing is kept unless every field is right. Both service
     * fields left empty: deliveries go nowhere (export to a folder still works).
     */
    static Problems save(OrganisationDelivery delivery, Settings settings, Values v) throws SQLException {
        String address = v.address() == null ? "" : v.address().strip();
        String root = v.rootFingerprint() == null ? "" : v.rootFingerprint().strip();
        String daysProblem = v.removeDelivered() && v.days() < 1
                ? "Keep delivered copies at least 1 day after their receipt." : null;
        if (address.isEmpty() != root.isEmpty()) {
            return new Problems(address.isEmpty() ? "Give the service's address too (for example https://intake.example.org:8443)."
                    : null, root.isEmpty() ? "Give the organisation root's SHA-256 too, as the service's administrator gave it." : null,
                    daysProblem);
        }
        if (daysProblem != null) {
            return new Problems(null, null, daysProblem);
        }
        if (address.isEmpty()) {
            delivery.clearTarget();
        } else {
            boolean same = delivery.target().map(t -> t.address().toString().equals(address)
                    && t.rootFingerprint().equalsIgnoreCase(root.replace(":", ""))).orElse(false);
            if (!same) {
                try {
                    delivery.setTarget(address, root);
                } catch (IllegalArgumentException e) {
                    boolean aboutRoot = e.getMessage() != null && e.getMessage().startsWith("No organisation root");
                    return aboutRoot ? new Problems(null, e.getMessage(), null) : new Problems(e.getMessage(), null, null);
                }
            }
        }
        settings.removeDeliveredAfterDays(v.removeDelivered() ? OptionalInt.of(v.days()) : OptionalInt.empty());
        return Problems.NONE;
    }
}
