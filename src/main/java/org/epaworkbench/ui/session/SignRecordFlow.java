package org.epaworkbench.ui.session;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
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
import org.epaworkbench.app.AssessorIdentity;
import org.epaworkbench.app.RecordedSession;
import org.epaworkbench.app.Records;
import org.epaworkbench.app.Services;
import org.epaworkbench.record.SignatureReport;
import org.epaworkbench.session.DeclarationWay;
import org.epaworkbench.session.LiveSnapshot;
import org.epaworkbench.store.Backups;
import org.epaworkbench.ui.session.SigningDecisions.Declarations;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.KeystorePassword;
import org.epaworkbench.ui.common.SignaturePad;

/**
 * Signing an ended session's record from its screen: the declarations (drawn signatures) and the keystore
 * password are asked here, what they may hold is decided by {@link SigningDecisions}, and the signing
 * itself is one flow ({@link RecordSigning}: open or create the key, record the declarations, sign, check,
 * log, back up) run on the flows' lane with its progress shown on the session screen, ending in one
 * outcome: signed (the file and its check reported), failed (the reason shown) or cancelled.
 */
final class SignRecordFlow {

    private final LiveSessionModel model;
    private final Window owner;
    private final Records records;
    private final AssessorIdentity identity;
    private final Services services;

    SignRecordFlow(LiveSessionModel model, Window owner) {
        this.model = model;
        this.owner = owner;
        this.services = model.workbench().services();
        this.records = services.records();
        this.identity = services.assessorIdentity();
    }

    /** What signing needs from the data folder, read in the background. */
    private record Prepared(AssessorProfile assessor, byte[] savedSignature, boolean keyExists) {
    }

    void start() {
        LiveSnapshot s = model.snapshot();
        Optional<String> cannot = SigningDecisions.cannotStart(s);
        if (cannot.isPresent()) {
            model.problemProperty().set(cannot.get());
            return;
        }
        if (model.isDialogOpening()) {
            return;
        }
        // until the declarations are in front, keys typed on the session screen do nothing
        Runnable opened = model.dialogOpening();
        model.background().run(() -> new Prepared(services.apprentices().assessor().orElse(null),
                identity.drawnSignature().orElse(null), identity.exists()), loaded -> {
            try {
                Optional<String> noProfile = SigningDecisions.withoutProfile(loaded.assessor() != null);
                if (noProfile.isPresent()) {
                    model.problemProperty().set(noProfile.get());
                    return;
                }
                // the password comes first and the key is opened before anything is recorded: a wrong or
                // cancelled password leaves the session as it was, and the assessor can simply try again
                Optional<Declarations> declarations = askDeclarations(loaded.assessor(), loaded.savedSignature());
                Optional<char[]> password = declarations.isEmpty() ? Optional.empty()
                        : KeystorePassword.ask(owner, loaded.keyExists());
                if (password.isEmpty()) {
                    finish(new RecordSigning.Cancelled());
                } else {
                    sign(declarations.get(), password.get());
                }
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
        boolean already = SigningDecisions.alreadyDeclared(s);
        CheckBox apprenticeSigns = new CheckBox("The apprentice makes the declaration now");
        apprenticeSigns.setId("apprentice-signs");
        apprenticeSigns.setSelected(SigningDecisions.apprenticeSignsNow(s));
        TextField apprenticeName = new TextField(model.apprentice().name());
        Label apprenticeText = wrapped("“" + Records.declarationText(s.plan(), "apprentice") + "”");
        SignaturePad apprenticePad = new SignaturePad(420, 110);
        // how: signed here, or (chosen explicitly, with a reason) confirmed remotely; the record says which
        ToggleGroup way = new ToggleGroup();
        RadioButton drawn = wayChoice(way, DeclarationWay.DRAWN, "Signs on this screen");
        RadioButton email = wayChoice(way, DeclarationWay.EMAIL, "Remote: by email");
        RadioButton voice = wayChoice(way, DeclarationWay.VOICE, "Remote: by voice (call)");
        SigningDecisions.wayAtFirst(s).ifPresent(first -> way.selectToggle(first == DeclarationWay.DRAWN ? drawn
                : first == DeclarationWay.EMAIL ? email : voice));
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

        Label assessorText = wrapped("“" + Records.declarationText(s.plan(), "assessor") + "”");
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
        java.util.function.Supplier<SigningDecisions.Form> form = () -> new SigningDecisions.Form(apprenticeSigns.isSelected(),
                apprenticeName.getText(), way.getSelectedToggle() == null ? null
                        : (DeclarationWay) way.getSelectedToggle().getUserData(),
                apprenticePad.hasSignature(), remoteReason.getText(), assessorPad.hasSignature(), savedSignature != null);
        d.getDialogPane().lookupButton(ok).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            Optional<String> missing = SigningDecisions.missing(form.get());
            problem.setText(missing.orElse(""));
            if (missing.isPresent()) {
                e.consume();
            }
        });
        d.setResultConverter(b -> {
            if (b != ok) {
                return null;
            }
            SigningDecisions.Form f = form.get();
            return SigningDecisions.declarations(f, assessor.name(),
                    f.way() == null || f.way() == DeclarationWay.DRAWN ? apprenticePad.png() : null,
                    assessorPad.hasSignature() ? assessorPad.png() : null, savedSignature, keep.isSelected());
        });
        return d.showAndWait();
    }

    /** Signs as one flow on the flows' lane, its steps shown on the session screen. */
    private void sign(Declarations d, char[] password) {
        String sessionId = model.recorded().id();
        var plan = model.snapshot().plan();
        Task<RecordSigning.Outcome> task = new Task<>() {
            @Override
            protected RecordSigning.Outcome call() {
                return new RecordSigning(records, identity, SignRecordFlow.this::perform,
                        () -> services.backUp(Backups.Reason.SIGNING),
                        warning -> Platform.runLater(() -> model.problemProperty().set(warning)),
                        sessionId, plan, d, password, this::updateMessage).call();
            }
        };
        model.showActivity(task);
        task.setOnSucceeded(e -> finish(task.getValue()));
        task.setOnCancelled(e -> finish(new RecordSigning.Cancelled()));
        task.setOnFailed(e -> finish(new RecordSigning.Failed(LiveSessionModel.describe(task.getException()))));
        model.background().flow(task);
    }

    /** Saves a session action through the session's one ordered writer, waiting (off the FX thread) until it is saved. */
    private void perform(RecordedSession.Action action) throws Exception {
        CompletableFuture<Void> saved = new CompletableFuture<>();
        Platform.runLater(() -> model.perform(action, () -> saved.complete(null), saved::completeExceptionally));
        try {
            saved.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Shows how signing ended. */
    private void finish(RecordSigning.Outcome outcome) {
        if (outcome instanceof RecordSigning.Signed signed) {
            report(signed);
        } else if (outcome instanceof RecordSigning.Failed failed) {
            Dialogs.problem(owner, "Not signed", failed.message());
        } // cancelled: nothing was signed, and nothing is said
    }

    private void report(RecordSigning.Signed signed) {
        SignatureReport check = signed.check();
        Path file = signed.file();
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
