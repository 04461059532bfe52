package org.epaworkbench.ui.apprentice;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.assessment.SubmittedReport;
import org.epaworkbench.assessment.WordCount;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.store.EpaStore.DateKind;
import org.epaworkbench.ui.common.DateField;
import org.epaworkbench.ui.common.Dates;
import org.epaworkbench.ui.common.OpenFile;
import org.epaworkbench.ui.common.SourceLabel;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The work-based project report: the attached file, its words counted without annexes against the
 * plan's length, the date it was submitted, and where the apprentice says it evidences each criterion.
 */
final class ProjectTab extends BorderPane implements ApprenticeScreen.Shown {

    private final ApprenticeScreen screen;
    private final EpaRules.ProjectReport rule;
    private final Component project;
    private final Label fileName = new Label();
    private final Label words = new Label();
    private final Label wordsDetail = new Label();
    private final FlagList flags = new FlagList("report-flags", "");
    private final Label submittedLabel = new Label("Submitted on");
    private final Label annexStop = new Label();
    private final DateField submitted;
    private final TableView<Criterion> mapping = new TableView<>();
    private final Label mappedCount = new Label();
    private final Button open = new Button("Open", new FontIcon("mdi2o-open-in-new"));
    private Map<String, String> locations = Map.of();
    private final ProjectViewModel model;
    private ApprenticeFile file;

    ProjectTab(ApprenticeScreen screen, AssessmentPlan plan) {
        this.screen = screen;
        this.rule = plan.epa().projectReport();
        this.model = new ProjectViewModel(plan, (attempt, date) -> {
            String apprentice = screen.apprenticeId();
            screen.save(() -> {
                screen.workbench().epaDetails().setDate(apprentice, DateKind.SUBMITTED, ProjectViewModel.SUBMISSION, attempt, date);
                return null;
            });
        });
        this.project = model.project();
        fileName.setId("report-file");
        fileName.getStyleClass().add("fact-name");
        words.setId("report-words");
        words.getStyleClass().add("word-count");
        words.setWrapText(true);
        wordsDetail.setId("report-words-detail");
        wordsDetail.setWrapText(true);
        wordsDetail.getStyleClass().add("plan-subtitle");
        submitted = new DateField("report-submitted", null);
        submitted.valueProperty().addListener((o, a, b) -> model.submittedOn(b));
        annexStop.setId("report-annex-stop");
        annexStop.setWrapText(true);
        annexStop.getStyleClass().add("annex-stop");
        annexStop.managedProperty().bind(annexStop.textProperty().isNotEmpty());
        Button attach = new Button("Attach report…", new FontIcon("mdi2p-paperclip"));
        attach.setId("report-attach");
        attach.getStyleClass().add("accent");
        attach.setOnAction(e -> attach());
        open.setId("report-open");
        open.setOnAction(e -> OpenFile.open(screen.window(), screen.workbench().epaDetails().attachedFile(screen.apprenticeId(),
                file.epa().report().orElseThrow().attachment())));
        fileName.setWrapText(true);
        HBox fileRow = new HBox(10, open, attach);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        submittedLabel.setId("report-submitted-label");
        submittedLabel.getStyleClass().add("fact-name");
        VBox dateRow = new VBox(4, submittedLabel, submitted);
        Label ruleText = Section.muted("The plan asks for " + WordCount.thousands(rule.words()) + " words ±"
                + (int) rule.tolerancePercent() + "% (" + WordCount.thousands(rule.minWords()) + " to "
                + WordCount.thousands(rule.maxWords()) + ")" + (rule.annexesExcluded() ? ", not counting annexes." : ".")
                + " PDF, Word (.docx) and text files are counted; how is explained in docs/word-count.md.");
        VBox report = Section.panel("Project report", fileName, fileRow, words, annexStop, wordsDetail, flags, ruleText,
                SourceLabel.of(rule.source()), dateRow);

        mapping.setId("report-mapping");
        mapping.setEditable(true);
        TableColumn<Criterion, String> code = new TableColumn<>("Criterion");
        code.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().code()));
        code.setPrefWidth(90);
        code.setEditable(false);
        TableColumn<Criterion, String> text = new TableColumn<>("Wording");
        text.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().displayText()));
        text.setPrefWidth(420);
        text.setEditable(false);
        TableColumn<Criterion, String> where = new TableColumn<>("Where in the report");
        where.setId("report-mapping-where");
        where.setCellValueFactory(d -> new ReadOnlyStringWrapper(locations.getOrDefault(d.getValue().id(), "")));
        where.setCellFactory(TextFieldTableCell.forTableColumn());
        where.setOnEditCommit(e -> saveLocation(e.getRowValue(), e.getNewValue()));
        where.setPrefWidth(260);
        mapping.getColumns().setAll(java.util.List.of(code, text, where));
        mapping.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        mapping.getItems().setAll(project.criteria());
        mappedCount.setId("report-mapped-count");
        VBox mappingPanel = Section.panel("Criteria mapping supplied with the report", Section.muted(
                "Where the apprentice says the report evidences each criterion. Double-click a row's last cell to type it, "
                        + "e.g. “Section 3, p. 6”, then Enter."),
                mappedCount, mapping);
        VBox.setVgrow(mapping, Priority.ALWAYS);
        VBox.setVgrow(mappingPanel, Priority.ALWAYS);
        report.setPrefWidth(440);
        report.setMinWidth(380);
        HBox.setHgrow(mappingPanel, Priority.ALWAYS);
        javafx.scene.control.ScrollPane reportScroll = Section.page(report);
        reportScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        reportScroll.setMinWidth(400);
        reportScroll.setPrefWidth(460);
        HBox columns = new HBox(16, reportScroll, mappingPanel);
        columns.setPadding(new Insets(16));
        setCenter(columns);
    }

    @Override
    public void show(ApprenticeFile f) {
        this.file = f;
        model.attempts(f.epa().history());
        submittedLabel.setText(model.submittedLabel());
        model.filling(() -> submitted.setValue(f.epa().schedule().submittedOn(ProjectViewModel.SUBMISSION, model.attempt())
                .orElse(null)));
        f.epa().report().ifPresentOrElse(this::showReport, () -> {
            fileName.setText("No report attached yet");
            words.setText("");
            annexStop.setText("");
            wordsDetail.setText("");
            open.setDisable(true);
            flags.show(java.util.List.of());
        });
        locations = f.epa().reportMapping();
        mapping.refresh();
        mappedCount.setText(model.mappedCount(locations));
    }

    private void showReport(SubmittedReport r) {
        fileName.setText(r.fileName());
        open.setDisable(false);
        ProjectViewModel.Words w = model.words(r);
        words.setText(w.counted());
        annexStop.setText(w.annexStop());
        wordsDetail.setText(w.detail());
        flags.show(w.flags());
    }

    private void attach() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Attach the project report");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Reports (PDF, Word, text)", "*.pdf", "*.docx", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File chosen = chooser.showOpenDialog(screen.window());
        if (chosen != null) {
            attach(chosen.toPath());
        }
    }

    /** Reads and counts the report, stores a copy, then records it; an unreadable file is refused with the reason. */
    void attach(Path source) {
        String apprentice = screen.apprenticeId();
        var details = screen.workbench().epaDetails();
        screen.save(() -> details.attachProject(apprentice, source));
    }

    private void saveLocation(Criterion c, String location) {
        String apprentice = screen.apprenticeId();
        screen.save(() -> {
            screen.workbench().epaDetails().saveProjectMapping(apprentice, c.id(), location);
            return null;
        });
    }
}
