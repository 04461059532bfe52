package org.epaworkbench.ui.records;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.epaworkbench.record.SignatureReport;
import org.epaworkbench.sync.SignerTrust;
import org.kordamp.ikonli.javafx.FontIcon;

/** A verification result in words and colour: verified or not, and why. */
final class VerificationCard extends VBox {

    /** As the signer's device claims it (the PDF's signing time), in this computer's time zone. */
    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z", java.util.Locale.UK);

    /** {@code trust} is null when the file has no signer to decide about. */
    VerificationCard(SignatureReport r, SignerTrust.Decision trust) {
        setId("verification-result");
        setSpacing(8);
        boolean trusted = trust != null && trust.trusted();
        boolean ok = r.verified() && trusted;
        getStyleClass().add(ok ? "verify-ok" : "verify-bad");
        Label verdict = new Label(!r.verified() ? "Not verified" : trusted ? "Verified" : "Untrusted signer");
        verdict.setId("verification-verdict");
        verdict.getStyleClass().add("verify-verdict");
        verdict.setGraphic(new FontIcon(ok ? "mdi2s-shield-check-outline" : "mdi2s-shield-alert-outline"));
        Label file = new Label(r.file());
        file.setWrapText(true);
        GridPane facts = new GridPane();
        facts.setHgap(14);
        facts.setVgap(4);
        int row = 0;
        Label count = new Label(r.signatureCount() + (r.signatureCount() > 1 ? " (a record has exactly one)" : ""));
        count.setId("verification-signature-count");
        facts.addRow(row++, new Label("Signatures in the file"), count);
        facts.addRow(row++, new Label(r.signatureCount() > 1 ? "Signatures valid" : "Signature valid"),
                new Label(yesNo(r.signatureValid())));
        facts.addRow(row++, new Label("Whole document covered"), new Label(yesNo(r.wholeDocumentCovered())));
        facts.addRow(row++, new Label("Unchanged since signing"), new Label(yesNo(r.unchangedSinceSigning())));
        if (r.signer() != null) {
            facts.addRow(row++, new Label("Signer"), new Label(r.signer()
                    + (r.signerOrganisation() == null || r.signerOrganisation().isEmpty() ? "" : ", " + r.signerOrganisation())));
            Label fp = new Label(r.certificateFingerprint());
            fp.setWrapText(true);
            facts.addRow(row++, new Label("Certificate SHA-256"), fp);
            if (trust != null) {
                Label why = new Label((trusted ? "Yes: " : "No: ") + trust.reason() + (trusted ? "" : " " + SignerTrust.HOW_TO_TRUST));
                why.setId("verification-trust");
                why.setWrapText(true);
                why.setMaxWidth(640);
                facts.addRow(row++, new Label("Signer trusted"), why);
            }
        }
        if (r.signingTime() != null) {
            facts.addRow(row, new Label("Signing time"),
                    new Label(WHEN.format(r.signingTime().atZone(java.time.ZoneId.systemDefault()))));
        }
        getChildren().addAll(verdict, file, facts);
        for (String p : r.problems()) {
            Label l = new Label("• " + p);
            l.setWrapText(true);
            getChildren().add(l);
        }
    }

    private static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }
}
