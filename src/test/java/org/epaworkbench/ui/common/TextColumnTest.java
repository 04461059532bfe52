package org.epaworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A text cut short in a table cell can still be read whole, in its tooltip; a text that fits has none. */
@ExtendWith(ApplicationExtension.class)
class TextColumnTest {

    static final String LONG = "Professional discussion supported by portfolio evidence";

    TableView<String> table;
    TableColumn<String, String> column;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        column = TextColumn.of("Component", 120, 60, s -> s);
        table.getColumns().setAll(List.of(column));
        table.getItems().setAll("Observation", LONG);
        stage.setScene(new Scene(table, 1000, 200));
        stage.show();
    }

    @Test
    void onlyTheCutShortCellHasATooltipWithTheWholeText(FxRobot robot) throws Exception {
        // the tooltip is decided when the cell is laid out, on a pulse
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> tooltipOf(robot, LONG) != null);
        assertThat(tooltipOf(robot, "Observation")).isNull();
        assertThat(tooltipOf(robot, LONG)).isEqualTo(LONG);
    }

    @Test
    void wideningTheColumnTakesTheTooltipAway(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> tooltipOf(robot, LONG) != null);
        // wide enough whatever font an earlier test left as the default
        robot.interact(() -> column.setPrefWidth(980));
        // laid out again on a later pulse, without the tooltip
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> tooltipOf(robot, LONG) == null);
        assertThat(tooltipOf(robot, LONG)).isNull();
    }

    @Test
    void theMinimumWidthHolds() {
        assertThat(column.getMinWidth()).isEqualTo(60);
    }

    @SuppressWarnings("unchecked")
    private static String tooltipOf(FxRobot robot, String text) {
        TableCell<String, String> cell = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> text.equals(c.getText())).findFirst().orElseThrow();
        return cell.getTooltip() == null ? null : cell.getTooltip().getText();
    }
}
