package org.epaworkbench.ui.common;

import java.util.List;

/** Identity documents the sources list as accepted (002 §ID requirements; 004 §ID Requirements). */
public final class IdDocuments {

    public static final List<String> ACCEPTED = List.of("Passport", "UK photocard driving licence",
            "Warrant card (HM forces or police)", "Employee ID card", "Travel card", "Other photographic ID");

    private IdDocuments() {
    }
}
