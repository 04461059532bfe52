package org.epaworkbench.ui.common;

import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The one date field of the app: a date picker that reads dates as UK assessors type them (see
 * {@link Dates}) with its own message beneath it. Text that is not a date is refused with a message
 * naming it, and is kept in the box as typed (Enter does not erase it, leaving the box does not drop
 * it); the field's value stays the last good date, so nothing is saved from it. A form calls
 * {@link #check()} before it saves: a field still holding text that is not a date stops the save.
 */
public final class DateField extends VBox {

    private final DatePicker picker;
    private final Label message = new Label();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /** A field whose picker has {@code id} (its message has {@code id + "-problem"}), showing {@code value}. */
    public DateField(String id, LocalDate value) {
        picker = new DatePicker(value);
        picker.setId(id);
        picker.setPromptText("dd/mm/yyyy");
        picker.setPrefWidth(172);
        picker.setMinWidth(172);
        picker.setMaxWidth(172);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return Dates.show(d);
            }

            @Override
            public LocalDate fromString(String s) {
                // never throws: a picker commits on leaving the box, where an exception would go nowhere
                return read(s) ? Dates.parse(s) : picker.getValue();
            }
        });
        // Enter on text that is not a date: the picker would put its last value back over what was typed
        picker.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.ENTER && !read(picker.getEditor().getText())) {
                e.consume();
            }
        });
        // typing again takes an old message away once the text is a date (or nothing)
        picker.getEditor().textProperty().addListener((o, was, now) -> {
            if (!problem.get().isEmpty() && Dates.problem(now).isEmpty()) {
                setProblem("");
            }
        });
        message.setId(id + "-problem");
        message.getStyleClass().addAll("inline-problem", "date-problem");
        message.setWrapText(true);
        message.setMaxWidth(380);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(problem);
        message.visibleProperty().bind(problem.isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        setSpacing(3);
        setFillWidth(false);
        getStyleClass().add("date-field");
        getChildren().addAll(picker, message);
    }

    /** Reads {@code text}; says what is wrong beside the field when it is not a date. */
    private boolean read(String text) {
        String wrong = Dates.problem(text);
        setProblem(wrong);
        return wrong.isEmpty();
    }

    private void setProblem(String text) {
        problem.set(text);
        picker.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !text.isEmpty());
    }

    /**
     * Whether the box holds a date (or nothing). The text is read now, so text typed and not yet
     * committed counts; a date is committed to the value, anything else is refused beside the field.
     */
    public boolean check() {
        String text = picker.getEditor().getText();
        if (!read(text)) {
            return false;
        }
        LocalDate d = Dates.parse(text);
        if (!java.util.Objects.equals(d, picker.getValue())) {
            picker.setValue(d);
        }
        return true;
    }

    /** What is wrong with the text in the box, "" when nothing. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    /** The last good date (null for none). */
    public ObjectProperty<LocalDate> valueProperty() {
        return picker.valueProperty();
    }

    public LocalDate getValue() {
        return picker.getValue();
    }

    /**
     * Shows {@code d}. A form reloaded after saving another field sets every field again: one whose date
     * has not changed keeps what is typed in it, refused text and message included.
     */
    public void setValue(LocalDate d) {
        if (!java.util.Objects.equals(d, picker.getValue())) {
            picker.setValue(d);
            setProblem("");
        }
    }

    /** Empties the box: no date, nothing typed, no message (a new version of a form). */
    public void clear() {
        picker.setValue(null);
        picker.getEditor().setText("");
        setProblem("");
    }

    public DatePicker picker() {
        return picker;
    }
}
