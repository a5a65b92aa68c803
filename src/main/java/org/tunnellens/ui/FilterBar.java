package org.tunnellens.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.textfield.TextFields;
import org.tunnellens.filter.DisplayFilter;
import org.tunnellens.filter.FilterException;

/**
 * The display-filter entry: green while the text compiles, red with the error and its column while it does not;
 * field names complete from the registry; Up and Down walk the filters applied before; Enter applies.
 */
public final class FilterBar extends HBox {
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final List<String> history = new ArrayList<>();
    private int historyPos = -1;
    private Consumer<DisplayFilter> onApply = f -> { };

    public FilterBar() {
        getStyleClass().add("filter-bar");
        field.setId("filter-field");
        field.setPromptText("Display filter, e.g. vxlan, vrrp, arp, udp.port (Enter applies)");
        field.getStyleClass().add("filter-field");
        HBox.setHgrow(field, Priority.ALWAYS);
        error.getStyleClass().add("filter-error");
        error.setId("filter-error");
        Button apply = new Button("Apply");
        apply.setOnAction(e -> apply());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            field.clear();
            apply();
        });
        FieldNameSuggestions suggestions = new FieldNameSuggestions();
        TextFields.bindAutoCompletion(field, r -> suggestions.complete(r.getUserText()));
        field.textProperty().addListener((o, was, now) -> check(now));
        field.setOnAction(e -> apply());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP) {
                walkHistory(1);
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                walkHistory(-1);
                e.consume();
            }
        });
        Label title = new Label("Filter:");
        title.getStyleClass().add("filter-title");
        setSpacing(6);
        getChildren().addAll(title, field, error, apply, clear);
        check("");
    }

    public void setOnApply(Consumer<DisplayFilter> handler) {
        this.onApply = handler;
    }

    public TextField field() {
        return field;
    }

    public void setText(String text) {
        field.setText(text);
        field.positionCaret(text.length());
    }

    /** Compiles the text and applies it; a filter that does not compile is not applied. */
    public void apply() {
        DisplayFilter f = check(field.getText());
        if (f == null) {
            return;
        }
        String t = field.getText().strip();
        if (!t.isEmpty()) {
            history.remove(t);
            history.add(0, t);
        }
        historyPos = -1;
        onApply.accept(f);
    }

    private DisplayFilter check(String text) {
        field.getStyleClass().removeAll("filter-valid", "filter-invalid");
        try {
            DisplayFilter f = DisplayFilter.compile(text);
            if (!text.isBlank()) {
                field.getStyleClass().add("filter-valid");
            }
            error.setText("");
            field.setTooltip(null);
            return f;
        } catch (FilterException e) {
            field.getStyleClass().add("filter-invalid");
            error.setText("column " + e.column());
            field.setTooltip(new Tooltip(e.getMessage()));
            return null;
        } catch (RuntimeException e) {
            // the filter compiler comes from another module of work; a bug there must not take the window down
            field.getStyleClass().add("filter-invalid");
            error.setText("error");
            field.setTooltip(new Tooltip(String.valueOf(e.getMessage())));
            return null;
        }
    }

    private void walkHistory(int step) {
        if (history.isEmpty()) {
            return;
        }
        historyPos = Math.max(-1, Math.min(history.size() - 1, historyPos + step));
        setText(historyPos < 0 ? "" : history.get(historyPos));
    }

    public List<String> history() {
        return List.copyOf(history);
    }

    public boolean isValid() {
        return !field.getStyleClass().contains("filter-invalid");
    }

    public String errorText() {
        return error.getText();
    }
}
