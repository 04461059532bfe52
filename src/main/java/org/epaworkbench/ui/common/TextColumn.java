package org.epaworkbench.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A table column of text. A cell too narrow for its text ends in "…" and shows the whole text as a
 * tooltip, so a long employer, component or evidence title can always be read without widening the column.
 */
public final class TextColumn {

    private TextColumn() {
    }

    public static <T> TableColumn<T, String> of(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setCellFactory(column -> new WholeTextCell<>());
        c.setPrefWidth(width);
        return c;
    }

    /** A column whose text can change while shown (a running session's elapsed time, say). */
    public static <T> TableColumn<T, String> live(String title, double width,
            Function<T, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> value.apply(d.getValue()));
        c.setCellFactory(column -> new WholeTextCell<>());
        c.setPrefWidth(width);
        return c;
    }

    /** As {@link #of}, never narrower than {@code minWidth} however the table is resized. */
    public static <T> TableColumn<T, String> of(String title, double width, double minWidth, Function<T, String> value) {
        TableColumn<T, String> c = of(title, width, value);
        c.setMinWidth(minWidth);
        return c;
    }

    /** A cell whose tooltip, when its text is cut short, says the whole of it. */
    static final class WholeTextCell<T> extends TableCell<T, String> {

        private final Tooltip whole = new Tooltip();

        WholeTextCell() {
            whole.setWrapText(true);
            whole.setMaxWidth(480);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            whole.setText(empty || item == null ? "" : item);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            setTooltip(truncated() ? whole : null);
        }

        /** True when the skin had to cut the text short to fit (what it draws differs from the text). */
        boolean truncated() {
            String text = getText();
            if (text == null || text.isEmpty()) {
                return false;
            }
            Node drawn = lookup(".text");
            return drawn instanceof Text t && !text.equals(t.getText());
        }
    }
}
