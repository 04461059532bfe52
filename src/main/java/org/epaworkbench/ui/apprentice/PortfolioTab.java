package org.epaworkbench.ui.apprentice;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.epaworkbench.app.ApprenticeFiles.ApprenticeFile;
import org.epaworkbench.assessment.PortfolioCheck;
import org.epaworkbench.assessment.PortfolioPiece;
import org.epaworkbench.plan.AssessmentPlan;
import org.epaworkbench.plan.Component;
import org.epaworkbench.plan.Criterion;
import org.epaworkbench.plan.EpaRules;
import org.epaworkbench.app.EpaDetails;
import org.epaworkbench.ui.common.Dates;
import org.epaworkbench.ui.common.Dialogs;
import org.epaworkbench.ui.common.OpenFile;
import org.epaworkbench.ui.common.SourceLabel;
import org.kordamp.ikonli.javafx.FontIcon;
import org.epaworkbench.ui.common.TextColumn;

/**
 * The portfolio of evidence for the discussion: numbered pieces with what each supports, and the
 * coverage of the discussion's criteria, so gaps and a count outside the plan's range show before the session.
 */
final class PortfolioTab extends BorderPane implements ApprenticeScreen.Shown {

    private final ApprenticeScreen screen;
    private final Component discussion;
    private final PortfolioViewModel model;
    private final EpaRules.PortfolioRule rule;
    private final TableView<PortfolioPiece> pieces = new TableView<>();
    private final Label summary = new Label();
    private final FlagList flags = new FlagList("portfolio-flags", "");
    private final GridPane coverage = new GridPane();
    private ApprenticeFile file;

    PortfolioTab(ApprenticeScreen screen, AssessmentPlan plan) {
        this.screen = screen;
        this.rule = plan.epa().portfolio();
        this.discussion = plan.component(rule.component()).orElseThrow();
        this.model = new PortfolioViewModel(rule, discussion);
        pieces.setId("portfolio-table");
        pieces.setPlaceholder(new Label("No evidence yet. Add the pieces the apprentice submitted (" + rule.minPieces() + " to "
                + rule.maxPieces() + ")."));
        TableColumn<PortfolioPiece, String> number = TextColumn.of("No.", 48, 48, p -> Integer.toString(p.number()));
        number.setMaxWidth(60);
        pieces.getColumns().setAll(List.of(
                number,
                TextColumn.of("Title", 260, 105, PortfolioPiece::title),
                TextColumn.of("Type", 130, 105, PortfolioPiece::type),
                // "14 Sept 2026", the longest a UK date is written here, fits whole
                TextColumn.of("Date", 118, 118, p -> Dates.show(p.date())),
                TextColumn.of("Where", 150, 105, p -> p.attachment().isEmpty() ? p.reference()
                        : EpaDetails.originalName(p.attachment()) + (p.reference().isEmpty() ? "" : " · " + p.reference())),
                TextColumn.of("Supports", 170, 105, this::codes)));
        pieces.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        pieces.setRowFactory(t -> {
            TableRow<PortfolioPiece> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    edit(row.getItem());
                }
            });
            return row;
        });

        Button add = new Button("Add evidence…", new FontIcon("mdi2p-plus"));
        add.setId("portfolio-add");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> edit(null));
        Button edit = new Button("Edit…");
        edit.setId("portfolio-edit");
        edit.disableProperty().bind(pieces.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> edit(pieces.getSelectionModel().getSelectedItem()));
        Button open = new Button("Open file", new FontIcon("mdi2o-open-in-new"));
        open.setId("portfolio-open");
        open.disableProperty().bind(pieces.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> open(pieces.getSelectionModel().getSelectedItem()));
        Button remove = new Button("Remove", new FontIcon("mdi2d-delete-outline"));
        remove.setId("portfolio-remove");
        remove.disableProperty().bind(pieces.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> remove(pieces.getSelectionModel().getSelectedItem()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label heading = new Label("Evidence");
        heading.getStyleClass().add("pane-heading");
        HBox bar = new HBox(8, heading, spacer, open, remove, edit, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(10, bar, pieces);
        VBox.setVgrow(pieces, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);

        summary.setId("portfolio-summary");
        summary.getStyleClass().add("fact-name");
        summary.setWrapText(true);
        coverage.setId("portfolio-coverage");
        coverage.setHgap(10);
        coverage.setVgap(8);
        VBox right = new VBox(10, Section.panel("Criteria coverage", summary,
                flags, SourceLabel.of(rule.source()), coverage));
        VBox rightColumn = new VBox(right);
        rightColumn.setPrefWidth(460);
        rightColumn.setMinWidth(380);
        javafx.scene.control.ScrollPane rightScroll = Section.page(rightColumn);
        rightScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        rightScroll.setMinWidth(400);
        rightScroll.setPrefWidth(470);
        HBox columns = new HBox(16, left, rightScroll);
        columns.setPadding(new Insets(16));
        setCenter(columns);
    }

    private String codes(PortfolioPiece p) {
        return model.codes(p);
    }

    @Override
    public void show(ApprenticeFile f) {
        this.file = f;
        PortfolioPiece selected = pieces.getSelectionModel().getSelectedItem();
        pieces.getItems().setAll(f.epa().portfolio());
        PortfolioViewModel.stillChosen(selected, f.epa().portfolio()).ifPresent(p -> pieces.getSelectionModel().select(p));
        PortfolioCheck.Report report = f.review().orElseThrow().portfolio().orElseThrow();
        summary.setText(model.summary(report));
        flags.show(PortfolioViewModel.flags(f.review().orElseThrow()));
        showCoverage(report.coverage());
    }

    private void showCoverage(Map<Criterion, List<Integer>> byCriterion) {
        coverage.getChildren().clear();
        int row = 0;
        for (Map.Entry<Criterion, List<Integer>> e : byCriterion.entrySet()) {
            Label code = new Label(e.getKey().code());
            code.getStyleClass().add("criterion-code");
            code.setMinWidth(Label.USE_PREF_SIZE);
            Label text = new Label(e.getKey().displayText());
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(text, Priority.ALWAYS);
            Label where = new Label(PortfolioViewModel.coveredBy(e.getValue()));
            where.setMinWidth(Label.USE_PREF_SIZE);
            where.getStyleClass().add(e.getValue().isEmpty() ? "coverage-missing" : "plan-subtitle");
            where.setId("coverage-" + e.getKey().id().replace('.', '_'));
            coverage.addRow(row++, code, text, where);
        }
    }

    private void edit(PortfolioPiece existing) {
        if (file == null) {
            return;
        }
        int next = PortfolioViewModel.nextNumber(file.epa().portfolio());
        PortfolioPieceDialog.show(screen.window(), discussion, existing, next).ifPresent(result -> {
            String apprentice = screen.apprenticeId();
            var details = screen.workbench().epaDetails();
            screen.save(() -> details.savePiece(apprentice, result.piece(), result.fileToAttach()));
        });
    }

    private void open(PortfolioPiece piece) {
        if (piece.attachment().isEmpty()) {
            Dialogs.info(screen.window(), "No file attached", "Piece " + piece.number() + " is referenced, not attached: "
                    + piece.reference());
            return;
        }
        OpenFile.open(screen.window(), screen.workbench().epaDetails().attachedFile(screen.apprenticeId(), piece.attachment()));
    }

    private void remove(PortfolioPiece piece) {
        if (Dialogs.confirm(screen.window(), "Remove evidence", "Remove piece " + piece.number() + " “" + piece.title()
                + "” from the portfolio? Its criteria will no longer count as covered by it.", "Remove")) {
            screen.save(() -> {
                screen.workbench().epaDetails().removePiece(piece.id());
                return null;
            });
        }
    }
}
