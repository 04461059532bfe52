package org.epaworkbench.ui.apprentice;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.assessment.EpaCheck;
import org.epaworkbench.assessment.GatewayRecord;
import org.epaworkbench.assessment.GatewayRecord.ProposalDecision;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.ui.common.DateField;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The gateway record: dates, English and maths (at the level the plan names), declarations, ID, reasonable adjustments
 * and (where the plan has one) the project proposal. What the plan's rules say about the values is
 * shown as they are typed, before they are saved.
 */
final class GatewayTab extends BorderPane implements ApprenticeScreen.Shown {

    private final ApprenticeScreen screen;
    private final AssessmentPlan plan;
    private final DateField start = new DateField("gateway-start", null);
    private final DateField programmeEnd = new DateField("gateway-programme-end", null);
    private final DateField gatewayDate = new DateField("gateway-date", null);
    private final CheckBox english = new CheckBox("English at level 2 achieved");
    private final TextField englishEvidence = new TextField();
    private final CheckBox maths = new CheckBox("Maths at level 2 achieved");
    private final TextField mathsEvidence = new TextField();
    private final CheckBox employer = new CheckBox("Employer's declaration received");
    private final CheckBox provider = new CheckBox("Training provider's declaration received");
    private final TextField idSeen = new TextField();
    private final TextArea adjustments = new TextArea();
    private final TextArea synopsis = new TextArea();
    private final Label synopsisWords = new Label();
    private final DateField proposalSubmitted = new DateField("proposal-submitted", null);
    private final ChoiceBox<ProposalDecision> decision = new ChoiceBox<>();
    private final TextArea feedback = new TextArea();
    private final DateField decidedOn = new DateField("proposal-decided", null);
    private final VBox history = new VBox(8);
    private final Label versionTitle = new Label();
    private final Button resubmit = new Button("Record the revised proposal", new FontIcon("mdi2f-file-replace-outline"));
    private final FlagList flags = new FlagList("gateway-flags", "The gateway meets the plan's requirements.");
    private final DeadlineList dates = new DeadlineList("gateway-deadlines");
    private final Label formProblems = new Label();
    private final Label saved = new Label();
    private final GatewayViewModel model;
    private ApprenticeFile file;
    private boolean showing;

    GatewayTab(ApprenticeScreen screen, AssessmentPlan plan) {
        this.screen = screen;
        this.plan = plan;
        this.model = new GatewayViewModel(plan.epa().projectProposal(), g -> {
            String id = screen.apprenticeId();
            screen.save(() -> {
                screen.workbench().epaDetails().saveGateway(id, g);
                return null;
            });
        });
        var qualifications = plan.epa().qualifications();
        english.setText(qualifications.map(q -> q.subject("English") + " achieved").orElse("English achieved (the plan asks for none)"));
        maths.setText(qualifications.map(q -> q.subject("Maths") + " achieved").orElse("Maths achieved (the plan asks for none)"));
        english.setId("gateway-english");
        maths.setId("gateway-maths");
        employer.setId("gateway-employer");
        provider.setId("gateway-provider");
        englishEvidence.setId("gateway-english-evidence");
        englishEvidence.setPromptText("Evidence seen, e.g. GCSE certificate");
        mathsEvidence.setId("gateway-maths-evidence");
        mathsEvidence.setPromptText("Evidence seen, e.g. Functional Skills certificate");
        idSeen.setId("gateway-id");
        idSeen.setPromptText("e.g. Passport");
        adjustments.setId("gateway-adjustments");
        adjustments.setPromptText("Reasonable adjustments agreed, if any");
        adjustments.setPrefRowCount(2);
        adjustments.setWrapText(true);
        formProblems.getStyleClass().add("inline-problem");
        formProblems.setId("gateway-problems");
        formProblems.setWrapText(true);
        saved.getStyleClass().add("plan-subtitle");
        saved.setId("gateway-saved");

        GridPane form = grid();
        int row = 0;
        row = addRow(form, row, "Apprenticeship start", start);
        row = addRow(form, row, "On-programme end", programmeEnd);
        row = addRow(form, row, "Gateway date", gatewayDate);
        row = addRow(form, row, "English", new VBox(6, english, englishEvidence));
        row = addRow(form, row, "Maths", new VBox(6, maths, mathsEvidence));
        row = addRow(form, row, "Declarations", new VBox(6, employer, provider));
        row = addRow(form, row, "Apprentice ID seen", idSeen);
        addRow(form, row, "Reasonable adjustments", adjustments);

        VBox left = new VBox(12, Section.panel("Gateway", form));
        if (plan.epa().projectProposal() != null) {
            left.getChildren().add(proposalPanel(plan.epa().projectProposal()));
        }
        Button save = new Button("Save gateway", new FontIcon("mdi2c-content-save-outline"));
        save.setId("gateway-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(false);
        save.setOnAction(e -> save());
        HBox actions = new HBox(12, save, saved, formProblems);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(10, 16, 10, 16));
        actions.getStyleClass().add("action-bar");
        HBox.setHgrow(formProblems, Priority.ALWAYS);
        setBottom(actions);
        left.setPrefWidth(620);
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox right = new VBox(12, Section.panel("What the plan's rules say", flags), Section.panel("Gateway dates", dates));
        right.setPrefWidth(440);
        HBox columns = new HBox(16, left, right);
        columns.setPadding(new Insets(16));
        setCenter(Section.page(columns));

        for (Node n : List.<Node>of(english, maths, employer, provider)) {
            ((CheckBox) n).selectedProperty().addListener((o, a, b) -> changed());
        }
        for (DateField p : dateFields()) {
            p.valueProperty().addListener((o, a, b) -> changed());
        }
        for (var t : List.of(englishEvidence, mathsEvidence, idSeen)) {
            t.textProperty().addListener((o, a, b) -> changed());
        }
        adjustments.textProperty().addListener((o, a, b) -> changed());
        synopsis.textProperty().addListener((o, a, b) -> changed());
        feedback.textProperty().addListener((o, a, b) -> changed());
        decision.valueProperty().addListener((o, a, b) -> changed());
    }

    private VBox proposalPanel(EpaRules.ProjectProposal rule) {
        synopsis.setId("proposal-synopsis");
        synopsis.setWrapText(true);
        synopsis.setPrefRowCount(6);
        synopsis.setPromptText("The apprentice's synopsis of the work-based project (" + rule.minWords() + "–" + rule.maxWords()
                + " words)");
        synopsisWords.setId("proposal-words");
        decision.setId("proposal-decision");
        decision.getItems().setAll(ProposalDecision.values());
        decision.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProposalDecision d) {
                return d == null ? "" : d.label();
            }

            @Override
            public ProposalDecision fromString(String s) {
                return null;
            }
        });
        feedback.setId("proposal-feedback");
        feedback.setWrapText(true);
        feedback.setPrefRowCount(2);
        feedback.setPromptText("Feedback to the apprentice (needed when not approved)");
        GridPane form = grid();
        int row = 0;
        history.setId("proposal-history");
        history.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(history.getChildren()));
        versionTitle.setId("proposal-version");
        versionTitle.getStyleClass().add("fact-name");
        versionTitle.managedProperty().bind(versionTitle.textProperty().isNotEmpty());
        resubmit.setId("proposal-resubmit");
        resubmit.setOnAction(e -> recordResubmission());
        Label resubmitNote = Section.muted("Not approved: the apprentice resubmits a revised proposal within "
                + org.epaworkbench.Wording.count(rule.resubmitWithinDays(), "day") + ". Record it as a new version; this one "
                + "is kept with its decision and feedback.");
        HBox resubmitRow = new HBox(10, resubmit, resubmitNote);
        resubmitRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(resubmitNote, Priority.ALWAYS);
        resubmitRow.visibleProperty().bind(resubmit.disabledProperty().not());
        resubmitRow.managedProperty().bind(resubmitRow.visibleProperty());
        row = addRow(form, row, "Synopsis", new VBox(4, synopsis, synopsisWords));
        row = addRow(form, row, "Submitted on", proposalSubmitted);
        row = addRow(form, row, "Decision", new HBox(10, decision, new Label("on"), decidedOn));
        addRow(form, row, "Feedback", feedback);
        if (rule.atGateway() != null) {
            // 000: the proposal is completed and brought along to the gateway meeting, so it is shown where the gateway is recorded
            org.epaworkbench.ui.common.ReminderList atGateway = new org.epaworkbench.ui.common.ReminderList("proposal-at-gateway");
            atGateway.show(List.of(new org.epaworkbench.plan.Reminder("Due at the gateway meeting", rule.atGateway().quoteText()
                    .orElse("The project proposal is completed and brought along to the gateway meeting."), rule.atGateway())));
            return Section.panel("Work-based project proposal", atGateway, history, versionTitle, form, resubmitRow);
        }
        return Section.panel("Work-based project proposal", history, versionTitle, form, resubmitRow);
    }

    /** Keeps the version in the form as an earlier one, and opens a new version for the revised proposal. */
    private void recordResubmission() {
        model.recordResubmission(currentVersion());
        showing = true;
        proposalSubmitted.clear();
        decision.setValue(ProposalDecision.PENDING);
        feedback.setText("");
        decidedOn.clear();
        showing = false;
        showHistory();
        changed();
    }

    private GatewayRecord.ProjectProposal currentVersion() {
        return new GatewayRecord.ProjectProposal(synopsis.getText(), proposalSubmitted.getValue(),
                decision.getValue() == null ? ProposalDecision.PENDING : decision.getValue(), feedback.getText(), decidedOn.getValue());
    }

    /** The earlier versions, read only: when each was submitted, the decision and its feedback. */
    private void showHistory() {
        history.getChildren().clear();
        List<GatewayRecord.ProjectProposal> earlier = model.earlier();
        for (int i = 0; i < earlier.size(); i++) {
            GatewayRecord.ProjectProposal p = earlier.get(i);
            Label head = new Label(GatewayViewModel.versionLine(i, p));
            head.getStyleClass().add("fact-name");
            head.setWrapText(true);
            Label fb = new Label(p.feedback().isEmpty() ? "No feedback recorded." : "Feedback: " + p.feedback());
            fb.setWrapText(true);
            fb.getStyleClass().add("history-line");
            VBox box = new VBox(2, head, fb);
            box.setId("proposal-version-" + (i + 1));
            history.getChildren().add(box);
        }
        versionTitle.setText(model.versionTitle());
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        return g;
    }

    private static int addRow(GridPane g, int row, String label, Node field) {
        Label l = new Label(label);
        l.getStyleClass().add("fact-name");
        l.setMinWidth(Label.USE_PREF_SIZE);
        g.add(l, 0, row);
        g.add(field, 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return row + 1;
    }

    private List<DateField> dateFields() {
        return List.of(start, programmeEnd, gatewayDate, proposalSubmitted, decidedOn);
    }

    @Override
    public void show(ApprenticeFile f) {
        // edits not yet saved are kept when another tab's change reloads the record
        boolean unsaved = file != null && GatewayViewModel.keepsEdits(formRecord(), file.epa().gateway());
        this.file = f;
        if (unsaved) {
            changed();
            return;
        }
        GatewayRecord g = f.epa().gateway();
        model.showSaved(g);
        showHistory();
        showing = true;
        start.setValue(g.apprenticeshipStart());
        programmeEnd.setValue(g.onProgrammeEnd());
        gatewayDate.setValue(g.gatewayDate());
        english.setSelected(g.english().achieved());
        englishEvidence.setText(g.english().evidence());
        maths.setSelected(g.maths().achieved());
        mathsEvidence.setText(g.maths().evidence());
        employer.setSelected(g.employerDeclared());
        provider.setSelected(g.providerDeclared());
        idSeen.setText(g.idSeen());
        adjustments.setText(g.reasonableAdjustments());
        synopsis.setText(g.proposal().synopsis());
        proposalSubmitted.setValue(g.proposal().submittedOn());
        decision.setValue(g.proposal().decision());
        feedback.setText(g.proposal().feedback());
        decidedOn.setValue(g.proposal().decidedOn());
        showing = false;
        changed();
    }

    /** The record as the form has it now: the earlier proposal versions, then the one in the form. */
    GatewayRecord formRecord() {
        GatewayRecord g = new GatewayRecord(start.getValue(), programmeEnd.getValue(), gatewayDate.getValue(),
                new GatewayRecord.Qualification(english.isSelected(), englishEvidence.getText()),
                new GatewayRecord.Qualification(maths.isSelected(), mathsEvidence.getText()), employer.isSelected(),
                provider.isSelected(), idSeen.getText(), adjustments.getText(), currentVersion());
        return model.withEarlierVersions(g);
    }

    private void changed() {
        if (showing || file == null) {
            return;
        }
        GatewayRecord g = formRecord();
        model.synopsisLength(synopsis.getText()).ifPresent(length -> {
            synopsisWords.setText(length.text());
            synopsisWords.getStyleClass().setAll("label", length.outside() ? "coverage-missing" : "plan-subtitle");
        });
        EpaCheck.Report report = EpaCheck.check(plan, g, file.epa().schedule(), file.epa().attempts(), screen.today());
        flags.show(GatewayViewModel.flags(report));
        dates.show(GatewayViewModel.deadlines(report), screen.today());
        formProblems.setText(String.join("\n", GatewayViewModel.problems(g)));
        saved.setText(model.savedState(g, file.epa().gateway()));
        resubmit.setDisable(!GatewayViewModel.mayResubmit(g.proposal()));
    }

    private void save() {
        // every date is read first, each saying beside it what is wrong: nothing is saved while one is not a date
        boolean datesRead = true;
        for (DateField d : dateFields()) {
            datesRead &= d.check();
        }
        String refused = model.save(datesRead, formRecord());
        if (!refused.isEmpty()) {
            formProblems.setText(refused);
        }
    }
}
