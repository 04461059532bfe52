package org.epaworkbench.ui.session;

import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.epaworkbench.ui.common.Dialogs;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The session's recording on the session screen (issue 16): its state in words (not recording, recording 12:34, paused
 * with the session), Record / Stop, a live level meter, warnings said plainly (silence, a lost microphone, little disk
 * left, no microphone at all), the agreed exemption where the plan requires a recording, a remote call's file attached,
 * and the playback of the recording from a note or a judgement. It redraws with the session's tick; the decisions are
 * {@link RecordingModel}'s.
 */
final class RecordingBar extends VBox {

    private static final List<PseudoClass> KINDS = java.util.Arrays.stream(RecordingModel.Kind.values())
            .map(k -> PseudoClass.getPseudoClass(k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))).toList();

    private final RecordingModel recording;
    private final java.util.function.Supplier<Window> window;
    private final Label status = new Label();
    private final FontIcon toggleIcon = new FontIcon("mdi2r-record-circle-outline");
    private final Button toggle = new Button("Record", toggleIcon);
    private Boolean shownRecording;
    private final ProgressBar level = new ProgressBar(0);
    private final Label warning = new Label();
    private final Button exempt = new Button("Exemption\u2026");
    private final Button attach = new Button("Attach the call's recording\u2026");
    private final Label playing = new Label();
    private final Button stopPlaying = new Button("Stop");
    private final HBox playingRow;
    private final Label glance = new Label();
    private final Label exemptionReason = new Label();
    private Runnable reveal = () -> { };
    private final VBox pauses = new VBox(2);
    private List<RecordingModel.PauseMark> shownPauses = List.of();

    RecordingBar(RecordingModel recording, java.util.function.Supplier<Window> window) {
        this.recording = recording;
        this.window = window;
        getStyleClass().addAll("panel", "recording-bar");
        setId("recording-bar");
        setSpacing(6);

        Label heading = new Label("RECORDING");
        heading.getStyleClass().add("panel-heading");
        status.setId("recording-status");
        status.getStyleClass().add("recording-status");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setGraphic(new FontIcon("mdi2r-record-circle-outline"));

        toggle.setId("recording-toggle");
        toggle.setMinWidth(Button.USE_PREF_SIZE);
        toggle.setOnAction(e -> recording.toggle(asker()));
        level.setId("recording-level");
        level.getStyleClass().add("recording-level");
        level.setMaxWidth(Double.MAX_VALUE);
        level.setAccessibleText("Microphone level");
        Tooltip.install(level, new Tooltip("The microphone's level now: it moves while anyone speaks"));
        level.managedProperty().bind(level.visibleProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox controls = new HBox(8, toggle, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        warning.setId("recording-warning");
        warning.getStyleClass().add("recording-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.setGraphic(new FontIcon("mdi2a-alert-outline"));
        warning.managedProperty().bind(warning.visibleProperty());

        exempt.setId("recording-exempt");
        exempt.setTooltip(new Tooltip("Record the exemption from recording agreed in advance, with its reason"));
        exempt.setOnAction(e -> recording.exempt(asker()));
        exempt.managedProperty().bind(exempt.visibleProperty());
        attach.setId("recording-attach");
        attach.setTooltip(new Tooltip("Add a recording made elsewhere (the video call's own, or a phone's or "
                + "dictaphone's) to the session, with its SHA-256 and duration"));
        attach.setOnAction(e -> attachFile());
        attach.managedProperty().bind(attach.visibleProperty());
        FlowPane more = new FlowPane(8, 6, exempt, attach);
        more.managedProperty().bind(exempt.visibleProperty().or(attach.visibleProperty()));
        more.visibleProperty().bind(more.managedProperty());

        playing.setId("playback-status");
        playing.setWrapText(true);
        playing.setMaxWidth(Double.MAX_VALUE);
        playing.setGraphic(new FontIcon("mdi2v-volume-high"));
        HBox.setHgrow(playing, Priority.ALWAYS);
        stopPlaying.setId("playback-stop");
        stopPlaying.setGraphic(new FontIcon("mdi2s-stop"));
        stopPlaying.setMinWidth(Button.USE_PREF_SIZE);
        stopPlaying.setOnAction(e -> {
            recording.stopPlaying();
            refresh();
        });
        playingRow = new HBox(8, playing, stopPlaying);
        playingRow.setAlignment(Pos.CENTER_LEFT);
        playingRow.getStyleClass().add("playback-row");
        playingRow.managedProperty().bind(playingRow.visibleProperty());

        pauses.setId("recording-pauses");
        pauses.managedProperty().bind(pauses.visibleProperty());
        pauses.setVisible(false);

        glance.setId("recording-glance");
        glance.getStyleClass().addAll("recording-status", "recording-glance");
        glance.setMinWidth(Region.USE_PREF_SIZE);
        glance.setGraphic(new FontIcon("mdi2r-record-circle"));
        glance.managedProperty().bind(glance.visibleProperty());
        glance.setTooltip(new Tooltip("The recording: click to show the Recording panel"));
        glance.setOnMouseClicked(e -> reveal.run());

        exemptionReason.setId("recording-exemption-reason");
        exemptionReason.getStyleClass().add("recording-pause");
        exemptionReason.setWrapText(true);
        exemptionReason.setMaxWidth(Double.MAX_VALUE);
        exemptionReason.setMinHeight(Region.USE_PREF_SIZE);
        exemptionReason.managedProperty().bind(exemptionReason.visibleProperty());

        getChildren().addAll(heading, controls, exemptionReason, level, warning, more, pauses, playingRow);
        refresh();
    }

    /** While a recording plays the bar follows it, even when the session's time stands still (paused, ended). */
    private final javafx.animation.Timeline following = new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.millis(250), e -> followPlayback()));

    {
        following.setCycleCount(javafx.animation.Animation.INDEFINITE);
    }

    /**
     * The recording's state in a few words for beside the session's clock (this panel may be scrolled out of view);
     * a click runs {@code reveal}, which brings this panel into view.
     */
    Label glance(Runnable reveal) {
        this.reveal = reveal;
        return glance;
    }

    /** Plays from a moment and follows the playback on the bar. */
    void play(org.epaworkbench.session.RecordingPosition at) {
        recording.play(at);
        refresh();
        following.play();
    }

    private void followPlayback() {
        refresh();
        if (!recording.isPlaying()) {
            following.stop();
        }
    }

    /** Redraws from the model: called with each tick of the session and after each saved action. */
    void refresh() {
        RecordingModel.Status s = recording.status();
        // a component the plan does not record: no bar at all, the column keeps its room for what is glanced at
        setVisible(s.kind() != RecordingModel.Kind.NOT_USED);
        setManaged(isVisible());
        status.setText(s.text());
        for (int i = 0; i < KINDS.size(); i++) {
            status.pseudoClassStateChanged(KINDS.get(i), s.kind().ordinal() == i);
        }
        boolean now = recording.recordingNow();
        if (!Boolean.valueOf(now).equals(shownRecording)) {
            shownRecording = now;
            toggle.setText(now ? "Stop recording" : "Record");
            toggleIcon.setIconLiteral(now ? "mdi2s-stop" : "mdi2r-record-circle-outline");
            toggle.setTooltip(new Tooltip(now ? "Stop recording: the file is closed and its SHA-256 kept with the session"
                    : "Record the session from the microphone (the apprentice's consent first)"));
        }
        toggle.setDisable(!recording.canToggle());
        // after the end there is nothing to record: no Record button greyed out for good
        boolean toggleShown = recording.recordingUsed() && (now || !recording.ended());
        toggle.setVisible(toggleShown);
        toggle.setManaged(toggleShown);
        level.setVisible(now);
        level.setProgress(recording.level());
        List<String> w = recording.warnings();
        warning.setText(String.join("\n", w));
        warning.setVisible(!w.isEmpty());
        exempt.setVisible(recording.exemptionOffered());
        attach.setVisible(recording.attachOffered());
        attach.setText(recording.attachLabel());
        Optional<String> reason = recording.exemptionReason();
        exemptionReason.setText(reason.orElse(""));
        exemptionReason.setVisible(reason.isPresent());
        Optional<RecordingModel.Status> g = recording.glance();
        glance.setVisible(g.isPresent() && isVisible());
        g.ifPresent(st -> {
            glance.setText(st.text());
            for (int i = 0; i < KINDS.size(); i++) {
                glance.pseudoClassStateChanged(KINDS.get(i), st.kind().ordinal() == i);
            }
        });
        List<RecordingModel.PauseMark> marks = recording.pausesInRecording();
        if (!marks.equals(shownPauses)) {
            shownPauses = marks;
            showPauses(marks);
        }
        String p = recording.playingText();
        playing.setText(p);
        playingRow.setVisible(!p.isEmpty());
        stopPlaying.setVisible(recording.isPlaying());
    }

    /** Each pause the recording holds, with its place in it ("▶ 12:34" plays from a few seconds before). */
    private void showPauses(List<RecordingModel.PauseMark> marks) {
        pauses.getChildren().clear();
        for (RecordingModel.PauseMark m : marks) {
            Label text = new Label(m.text());
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.getStyleClass().add("recording-pause");
            text.setGraphic(new FontIcon("mdi2p-pause"));
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(6, text);
            row.setAlignment(Pos.TOP_LEFT);
            positionButton(Optional.of(m.at()), this::play).ifPresent(b -> {
                b.setId("play-pause-" + m.number());
                row.getChildren().add(b);
            });
            pauses.getChildren().add(row);
        }
        pauses.setVisible(!marks.isEmpty());
    }

    private void attachFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(recording.attachLabel().replace("\u2026", ""));
        java.io.File chosen = chooser.showOpenDialog(window.get());
        if (chosen != null) {
            recording.attach(chosen.toPath(), asker());
        }
    }

    /** The recording's dialogs over the session screen. */
    RecordingModel.Asker asker() {
        return new RecordingModel.Asker() {
            @Override
            public Optional<RecordingModel.Consent> consent(String apprenticeName, String words) {
                return consentDialog(window.get(), apprenticeName, words);
            }

            @Override
            public Optional<String> reason(String title, String question, String prompt, String detail) {
                return Dialogs.reason(window.get(), title, question, prompt, detail == null ? null : wrapped(detail));
            }

            @Override
            public RecordingModel.Offer offer(String title, String question, String detail, boolean recordOffered,
                    String withoutLabel) {
                return offerDialog(window.get(), title, question, detail, recordOffered, withoutLabel);
            }
        };
    }

    /**
     * "▶ 12:34" beside a judgement, a note or a question when the recording holds that moment: a click plays the
     * recording from a few seconds before it. Empty when the moment has no place in a recording.
     */
    static Optional<Button> positionButton(Optional<org.epaworkbench.session.RecordingPosition> at,
            java.util.function.Consumer<org.epaworkbench.session.RecordingPosition> play) {
        return RecordingModel.positionText(at).map(text -> {
            Button b = new Button(text);
            b.getStyleClass().addAll("flat", "small", "recording-position");
            b.setFocusTraversable(false);
            b.setMinWidth(Button.USE_PREF_SIZE);
            b.setTooltip(new Tooltip("Play the recording from a few seconds before this moment (" + at.get().fileName()
                    + " at " + org.epaworkbench.session.ElapsedText.format(at.get().offset()) + ")"));
            b.setOnAction(e -> play.accept(at.get()));
            return b;
        });
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(520);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** The consent declaration: the apprentice's name and the words agreed, both prefilled and both required. */
    static Optional<RecordingModel.Consent> consentDialog(Window owner, String apprenticeName, String words) {
        Dialog<RecordingModel.Consent> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Consent to recording");
        d.setHeaderText("Before recording, read the declaration to the apprentice. Record it once they agree.");
        TextField name = new TextField(apprenticeName);
        name.setId("consent-name");
        TextArea text = new TextArea(words);
        text.setId("consent-words");
        text.setWrapText(true);
        text.setPrefRowCount(4);
        text.setPrefColumnCount(40);
        Label nameLabel = new Label("Apprentice");
        Label wordsLabel = new Label("The words agreed");
        VBox content = new VBox(6, nameLabel, name, wordsLabel, text);
        d.getDialogPane().setContent(content);
        ButtonType agreed = new ButtonType("Consent given: record", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(agreed, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(agreed);
        ok.setId("consent-given");
        ok.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> name.getText().isBlank() || text.getText().isBlank(), name.textProperty(), text.textProperty()));
        d.setResultConverter(b -> b == agreed ? new RecordingModel.Consent(name.getText().strip(), text.getText().strip()) : null);
        javafx.application.Platform.runLater(ok::requestFocus);
        return d.showAndWait();
    }

    /** Where a required recording is missing: record, the exemption, go on without, or cancel. */
    static RecordingModel.Offer offerDialog(Window owner, String title, String question, String detail, boolean recordOffered,
            String withoutLabel) {
        Dialog<RecordingModel.Offer> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(question);
        d.getDialogPane().setContent(wrapped(detail));
        ButtonType record = new ButtonType("Record (consent given)\u2026", ButtonBar.ButtonData.OK_DONE);
        ButtonType exemption = new ButtonType("Exemption agreed\u2026", ButtonBar.ButtonData.OTHER);
        ButtonType without = new ButtonType(withoutLabel, ButtonBar.ButtonData.NO);
        if (recordOffered) {
            d.getDialogPane().getButtonTypes().add(record);
        }
        d.getDialogPane().getButtonTypes().addAll(exemption, without, ButtonType.CANCEL);
        if (recordOffered) {
            d.getDialogPane().lookupButton(record).setId("offer-record");
        }
        d.getDialogPane().lookupButton(exemption).setId("offer-exempt");
        d.getDialogPane().lookupButton(without).setId("offer-without");
        d.setResultConverter(b -> b == record ? RecordingModel.Offer.RECORD : b == exemption ? RecordingModel.Offer.EXEMPT
                : b == without ? RecordingModel.Offer.WITHOUT : RecordingModel.Offer.CANCEL);
        return d.showAndWait().orElse(RecordingModel.Offer.CANCEL);
    }
}
