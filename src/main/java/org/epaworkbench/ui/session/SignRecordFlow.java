package org.epaworkbench.ui.session;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.epaworkbench.people.AssessorProfile;
import org.epaworkbench.record.PadesVerifier;
import org.epaworkbench.record.RecordHtml;
import org.epaworkbench.record.RecordProducer;
import org.epaworkbench.store.Backups;
import org.epaworkbench.record.SignatureReport;
import org.epaworkbench.session.AssessmentMode;
import org.epaworkbench.session.DeclarationWay;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.app.Workbench;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.KeystorePassword;
import org.epaworkbench.ui.common.SignaturePad;

/**
 * Signing an ended session's record: the declarations (drawn signatures), the keystore password
 * (creating the signing identity on first use), then rendering and signing in the background with
 * progress shown, and the signed file verified before it is reported.
 */
final class SignRecordFlow {

    private final LiveSessionModel model;
    private final Window owner;
    private final Workbench workbench;

    SignRecordFlow(LiveSessionModel model, Window owner) {
        this.model = model;
        this.owner = owner;
        this.workbench = model.workbench();
    }

    /** What the declarations dialog collected: whether and how the apprentice declares now, and the assessor's signature. */
    private record Declarations(boolean apprenticeSigns, String apprenticeName, byte[] apprenticePng,
            DeclarationWay apprenticeWay, String apprenticeReason, String assessorName, byte[] assessorPng,
            boolean saveAssessorSignature) {
    }

    /** What signing needs from the data folder, read in the background. */
    private record Prepared(AssessorProfile assessor, byte[] savedSignature, boolean keyExists) {
    }

    void start() {
        LiveSnapshot s = model.snapshot();
        if (!s.state().ended()) {
            model.problemProperty().set("End the session before signing its record.");
            return;
        }
        if (model.isDialogOpening()) {
            return;
        }
        // until the declarations are in front, keys typed on the session screen do nothing
        Runnable opened = model.dialogOpening();
        model.background().run(() -> new Prepared(workbench.people().assessor().orElse(null),
                workbench.drawnSignature().load().orElse(null), workbench.keyStore().exists()), loaded -> {
            try {
                AssessorProfile assessor = loaded.assessor();
                if (assessor == null) {
                    model.problemProperty().set("Set up your assessor profile first (Assessor, in the top bar): the "
                            + "signing certificate names you.");
                    return;
                }
                // the password comes first and the key is opened before anything is recorded: a wrong or
                // cancelled password leaves the session as it was, and the assessor can simply try again
                askDeclarations(assessor, loaded.savedSignature()).ifPresent(d ->
                        KeystorePassword.ask(owner, loaded.keyExists()).ifPresent(pw -> unlock(pw, d)));
            } finally {
                opened.run();
            }
        }, failure -> {
            opened.run();
            model.problemProperty().set("Cannot prepare signing: " + failure.getMessage());
        });
    }

    private Optional<Declarations> askDeclarations(AssessorProfile assessor, byte[] savedSignature) {
        LiveSnapshot s = model.snapshot();
        boolean already = s.state().declaration("apprentice").isPresent();
        boolean faceToFace = s.state().details().mode() == AssessmentMode.FACE_TO_FACE;
        CheckBox apprenticeSigns = new CheckBox("The apprentice makes the declaration now");
        apprenticeSigns.setId("apprentice-signs");
        apprenticeSigns.setSelected(!already && faceToFace);
        TextField apprenticeName = new TextField(model.apprentice().name());
        Label apprenticeText = wrapped("“" + RecordHtml.declarationText(s.plan(), "apprentice") + "”");
        SignaturePad apprenticePad = new SignaturePad(420, 110);
        // how: signed here, or (chosen explicitly, with a reason) confirmed remotely; the record says which
        ToggleGroup way = new ToggleGroup();
        RadioButton drawn = wayChoice(way, DeclarationWay.DRAWN, "Signs on this screen");
        RadioButton email = wayChoice(way, DeclarationWay.EMAIL, "Remote: by email");
        RadioButton voice = wayChoice(way, DeclarationWay.VOICE, "Remote: by voice (call)");
        if (faceToFace) {
            way.selectToggle(drawn);
        }
        TextField remoteReason = new TextField();
        remoteReason.setId("apprentice-way-reason");
        remoteReason.setPromptText("Why not on screen? e.g. remote session by video call; replied by email at 14:20");
        Label remoteReasonLabel = new Label("Reason (goes on the record)");
        VBox remoteBox = new VBox(4, remoteReasonLabel, remoteReason);
        remoteBox.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> way.getSelectedToggle() != null
                && ((DeclarationWay) way.getSelectedToggle().getUserData()).remote(), way.selectedToggleProperty()));
        remoteBox.managedProperty().bind(remoteBox.visibleProperty());
        apprenticePad.visibleProperty().bind(way.selectedToggleProperty().isEqualTo(drawn));
        apprenticePad.managedProperty().bind(apprenticePad.visibleProperty());
        // the name and the three ways take a row each, so the pads stay where they were before the ways were added
        javafx.scene.layout.HBox.setHgrow(apprenticeName, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox nameRow = new javafx.scene.layout.HBox(8, new Label("Name"), apprenticeName);
        nameRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane ways = new javafx.scene.layout.FlowPane(16, 4, drawn, email, voice);
        ways.setPrefWrapLength(540);
        VBox apprenticeBox = new VBox(6, apprenticeText, nameRow, ways, apprenticePad, remoteBox);
        apprenticeBox.disableProperty().bind(apprenticeSigns.selectedProperty().not());

        Label assessorText = wrapped("“" + RecordHtml.declarationText(s.plan(), "assessor") + "”");
        TextField assessorName = new TextField(assessor.name());
        assessorName.setEditable(false);
        SignaturePad assessorPad = new SignaturePad(420, 110);
        VBox assessorBox = new VBox(6, assessorText, new Label("Assessor"), assessorName);
        CheckBox keep = new CheckBox("Keep this drawn signature for future records");
        keep.setSelected(true);
        if (savedSignature != null) {
            ImageView saved = new ImageView(new Image(new java.io.ByteArrayInputStream(savedSignature)));
            saved.setFitHeight(70);
            saved.setPreserveRatio(true);
            assessorBox.getChildren().addAll(new Label("Your saved signature (draw a new one below to replace it)"), saved);
        }
        assessorBox.getChildren().addAll(assessorPad, keep);

        Label problem = new Label();
        problem.setId("declarations-problem");
        problem.getStyleClass().add("inline-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox content = new VBox(12, heading("Apprentice's declaration" + (already ? " (already signed)" : "")),
                apprenticeSigns, apprenticeBox, heading("Assessor's declaration"), assessorBox);
        content.setPadding(new Insets(8));
        // the apprentice must be able to read every word they sign: scroll rather than cut the text short
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportWidth(560);
        scroll.setPrefViewportHeight(Math.min(620, screenHeight() - 220));
        // never smaller than that: some window managers open a dialog at its minimum size
        scroll.setMinHeight(Math.min(620, screenHeight() - 220));
        scroll.setMinWidth(560);
        Dialog<Declarations> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Declarations");
        d.setHeaderText("Declarations for the record of the " + org.epaworkbench.Wording.inSentence(s.component().title()));
        d.getDialogPane().setContent(new VBox(8, scroll, problem));
        // not resizable: some Linux window managers (openbox, KDE) open a resizable dialog at its minimum
        // size, a few words wide; the content scrolls within a height that fits the screen instead
        ButtonType ok = new ButtonType("Record declarations and sign…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).setId("declarations-ok");
        // a declaration said to be signed on screen carries a drawn signature: the dialog stays until it does
        d.getDialogPane().lookupButton(ok).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String missing = null;
            DeclarationWay chosen = way.getSelectedToggle() == null ? null : (DeclarationWay) way.getSelectedToggle().getUserData();
            if (apprenticeSigns.isSelected()) {
                if (apprenticeName.getText().isBlank()) {
                    missing = "Type the apprentice's name.";
                } else if (chosen == null) {
                    missing = "Choose how the apprentice makes the declaration: signing on this screen, or remotely by "
                            + "email or voice.";
                } else if (chosen == DeclarationWay.DRAWN && !apprenticePad.hasSignature()) {
                    missing = "The apprentice has not signed in the box. Ask them to sign, or choose how they confirm it "
                            + "remotely and say why.";
                } else if (chosen.remote() && remoteReason.getText().isBlank()) {
                    missing = "Say why the apprentice confirms remotely rather than on this screen: the reason goes on the record.";
                }
            }
            if (missing == null && !assessorPad.hasSignature() && savedSignature == null) {
                missing = "Sign the assessor's declaration in the box.";
            }
            problem.setText(missing == null ? "" : missing);
            if (missing != null) {
                e.consume();
            }
        });
        d.setResultConverter(b -> {
            if (b != ok) {
                return null;
            }
            DeclarationWay chosen = way.getSelectedToggle() == null ? DeclarationWay.DRAWN
                    : (DeclarationWay) way.getSelectedToggle().getUserData();
            return new Declarations(apprenticeSigns.isSelected(), apprenticeName.getText().strip(),
                    chosen == DeclarationWay.DRAWN ? apprenticePad.png() : null, chosen,
                    chosen.remote() ? remoteReason.getText().strip() : null, assessor.name(),
                    assessorPad.hasSignature() ? assessorPad.png() : savedSignature,
                    keep.isSelected() && assessorPad.hasSignature());
        });
        return d.showAndWait();
    }

    private void recordDeclarations(Declarations d, Runnable then) {
        LiveSnapshot s = model.snapshot();
        Runnable assessorStep = () -> model.perform(l -> l.declare("assessor", d.assessorName(),
                RecordHtml.declarationText(s.plan(), "assessor"), base64(d.assessorPng())), () -> {
                    if (d.saveAssessorSignature()) {
                        model.background().run(() -> {
                            workbench.drawnSignature().save(d.assessorPng());
                            return null;
                        }, ok -> { }, failure -> model.problemProperty().set("The drawn signature was not kept: "
                                + failure.getMessage()));
                    }
                    then.run();
                });
        if (d.apprenticeSigns()) {
            model.perform(l -> l.declare("apprentice", d.apprenticeName(), RecordHtml.declarationText(s.plan(), "apprentice"),
                    base64(d.apprenticePng()), d.apprenticeWay(), d.apprenticeReason()), assessorStep);
        } else {
            assessorStep.run();
        }
    }

    private static String base64(byte[] png) {
        return png == null ? null : Base64.getEncoder().encodeToString(png);
    }

    /** Opens (or on first use creates) the signing key in the background; only then are the declarations recorded. */
    private void unlock(char[] password, Declarations d) {
        model.background().run(() -> {
            try {
                // made here, not on the FX thread: it reads the report fonts from the jar
                RecordProducer producer = workbench.recordProducer();
                return new Opened(producer, producer.unlockOrCreate(password));
            } finally {
                Arrays.fill(password, '\0');
            }
        }, opened -> recordDeclarations(d, () -> sign(opened, d)),
                failure -> Dialogs.problem(owner, "Not signed", LiveSessionModel.describe(failure)
                        + "\n\nNothing was recorded: sign again when ready."));
    }

    /** The producer and the opened key, handed from the background to the FX thread. */
    private record Opened(RecordProducer producer, RecordProducer.Unlocked unlocked) {
    }

    /** The signed record and its check, both done in the background. */
    private record Signed(RecordProducer.Produced produced, SignatureReport check) {
    }

    private void sign(Opened opened, Declarations d) {
        String sessionId = model.recorded().id();
        Task<Signed> task = new Task<>() {
            @Override
            protected Signed call() throws Exception {
                RecordProducer.Produced p = opened.producer().signSession(sessionId, opened.unlocked().identity(),
                        d.assessorPng(), step -> updateMessage("Signing the record · " + step));
                updateMessage("Signing the record · Checking the signature");
                return new Signed(p, new PadesVerifier().verify(p.file().getFileName().toString(), p.pdf()));
            }
        };
        model.showActivity(task);
        task.setOnSucceeded(e -> {
            Signed signed = task.getValue();
            RecordProducer.Produced p = signed.produced();
            model.perform(l -> l.recordSigned(p.record().fileName(), p.record().sha256(), p.record().certificateFingerprint()),
                    () -> {
                        backUpAfterSigning();
                        report(signed);
                    });
        });
        task.setOnFailed(e -> Dialogs.problem(owner, "Not signed", LiveSessionModel.describe(task.getException())));
        model.background().flow(task);
    }

    /** A signed record is a moment worth keeping: back the database up, in the background. */
    private void backUpAfterSigning() {
        model.background().flow(() -> workbench.backUp(Backups.Reason.SIGNING), b -> { },
                failure -> model.problemProperty().set("The record is signed, but the automatic backup failed: "
                        + failure.getMessage()));
    }

    private void report(Signed signed) {
        SignatureReport check = signed.check();
        Path file = signed.produced().file();
        Dialogs.info(owner, "Record signed", "The signed record is saved and in the outbox:\n" + file
                + "\n\nChecked: " + (check.verified() ? "the signature is valid and covers the whole document."
                : "NOT verified: " + String.join("; ", check.problems())));
    }

    private static RadioButton wayChoice(ToggleGroup group, DeclarationWay way, String text) {
        RadioButton b = new RadioButton(text);
        b.setId("apprentice-way-" + way.word());
        b.setUserData(way);
        b.setToggleGroup(group);
        b.setTooltip(new javafx.scene.control.Tooltip("The apprentice's declaration is " + way.description()
                + (way.remote() ? "; say why below" : "")));
        return b;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("detail-code");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(520);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static double screenHeight() {
        return javafx.stage.Screen.getPrimary().getVisualBounds().getHeight();
    }
}
