package org.epaworkbench.ui;

import org.epaworkbench.app.Workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.epaworkbench.AppInfo;

/**
 * "About EPA Workbench": the version (from the jar manifest), the data folder in use, the Java and
 * JavaFX it runs on, and the main software bundled with it and their licences.
 */
final class AboutDialog {

    /** One line of the details: what it is and its value. */
    record Detail(String id, String label, String value) {
    }

    /** Bundled software and its licence, as each project's own published metadata gives it. */
    record Bundled(String name, String licence) {
    }

    static final List<Bundled> BUNDLED = List.of(
            new Bundled("Java runtime (OpenJDK), bundled by the installers", "GPL 2.0 with the Classpath Exception"),
            new Bundled("JavaFX (OpenJFX)", "GPL 2.0 with the Classpath Exception"),
            new Bundled("AtlantaFX theme", "MIT"),
            new Bundled("ControlsFX", "BSD 3-Clause"),
            new Bundled("Ikonli and its Material Design Icons pack", "Apache 2.0"),
            new Bundled("SQLite JDBC driver (SQLite itself is public domain)", "Apache 2.0"),
            new Bundled("Flyway", "Apache 2.0"),
            new Bundled("Jackson, networknt JSON Schema Validator, picocli", "Apache 2.0"),
            new Bundled("Apache PDFBox, Apache POI, Apache Commons, Log4j API", "Apache 2.0"),
            new Bundled("openhtmltopdf", "LGPL 2.1 or later"),
            new Bundled("Bouncy Castle", "Bouncy Castle Licence (MIT style)"),
            new Bundled("SLF4J", "MIT"),
            new Bundled("DejaVu Sans fonts, embedded in signed records", "Bitstream Vera licence; DejaVu changes public domain"));

    private AboutDialog() {
    }

    static List<Detail> details(Path dataFolder) {
        return List.of(
                new Detail("about-version", "Version", AppInfo.version()),
                new Detail("about-data-folder", "Data folder", dataFolder.toString()),
                new Detail("about-java", "Java", System.getProperty("java.runtime.version", System.getProperty("java.version"))
                        + " (" + System.getProperty("java.vm.name", "unknown VM") + ", " + System.getProperty("java.vendor", "unknown vendor") + ")"),
                new Detail("about-javafx", "JavaFX", System.getProperty("javafx.runtime.version", "unknown")),
                new Detail("about-os", "System", System.getProperty("os.name", "") + " " + System.getProperty("os.version", "")
                        + " (" + System.getProperty("os.arch", "") + ")"));
    }

    /** The details as plain text, for a support request. */
    static String asText(List<Detail> details) {
        return AppInfo.NAME + "\n" + details.stream().map(d -> d.label() + ": " + d.value()).collect(Collectors.joining("\n")) + "\n";
    }

    static void show(Window owner, Path dataFolder) {
        List<Detail> details = details(dataFolder);

        Label name = new Label(AppInfo.NAME);
        name.getStyleClass().add("plan-title");
        String v = AppInfo.version();
        Label version = new Label(v.equals(AppInfo.DEVELOPMENT_BUILD) ? "Development build (not run from the packaged jar)" : "Version " + v);
        version.setId("about-version");
        version.getStyleClass().add("plan-subtitle");
        Label what = new Label("Assessment plans, grading, timed sessions, signed records and sync packages "
                + "for independent end-point assessors of UK apprenticeships. Works offline.");
        what.setWrapText(true);
        what.setMaxWidth(520);
        VBox title = new VBox(4, name, version, what);
        HBox header = new HBox(16, title);
        header.setAlignment(Pos.CENTER_LEFT);
        var iconStream = AboutDialog.class.getResourceAsStream("/org/epaworkbench/ui/icon-256.png");
        if (iconStream != null) {
            ImageView icon = new ImageView(new Image(iconStream, 72, 72, true, true));
            header.getChildren().add(0, icon);
        }

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (Detail d : details.subList(1, details.size())) { // the version is in the header
            Label label = new Label(d.label());
            label.getStyleClass().add("plan-subtitle");
            Label value = new Label(d.value());
            value.setId(d.id());
            value.setWrapText(true);
            value.setMaxWidth(520);
            grid.addRow(row++, label, value);
        }

        VBox bundled = new VBox(3);
        bundled.setId("about-licences");
        for (Bundled b : BUNDLED) {
            Label l = new Label(b.name() + " — " + b.licence());
            l.setWrapText(true);
            l.setMaxWidth(600);
            bundled.getChildren().add(l);
        }
        Label bundledHeading = new Label("Bundled software and licences");
        bundledHeading.getStyleClass().add("theme-heading");
        ScrollPane bundledScroll = new ScrollPane(bundled);
        bundledScroll.setFitToWidth(true);
        bundledScroll.setPrefViewportHeight(210);

        VBox content = new VBox(14, header, new Separator(), grid, new VBox(2, bundledHeading, bundledScroll));
        content.setPadding(new Insets(12, 16, 4, 16));
        content.setPrefWidth(660);

        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("About " + AppInfo.NAME);
        d.getDialogPane().setId("about-dialog");
        d.getDialogPane().setContent(content);
        ButtonType copy = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(copy, ButtonType.CLOSE);
        Button copyButton = (Button) d.getDialogPane().lookupButton(copy);
        copyButton.setId("about-copy");
        copyButton.setTooltip(new Tooltip("Copy the version, data folder, Java and system to paste into a support request"));
        // copy without closing the dialog
        copyButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(asText(details));
            Clipboard.getSystemClipboard().setContent(text);
            copyButton.setText("Copied");
            e.consume();
        });
        d.getDialogPane().lookupButton(ButtonType.CLOSE).setId("about-close");
        d.showAndWait();
    }
}
