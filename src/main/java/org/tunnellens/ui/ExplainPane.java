package org.tunnellens.ui;

import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The side panel that tells a student, in a few sentences, what the selected layer is and what to look at. */
public final class ExplainPane extends ScrollPane {
    private final ExplainTexts texts;
    private final Label title = new Label("Explain");
    private final Label body = new Label();

    public ExplainPane(ExplainTexts texts) {
        this.texts = texts;
        getStyleClass().add("explain-pane");
        title.getStyleClass().add("explain-title");
        body.getStyleClass().add("explain-body");
        body.setWrapText(true);
        VBox box = new VBox(8, title, body);
        box.getStyleClass().add("explain-box");
        setContent(box);
        setFitToWidth(true);
        clear();
    }

    public void clear() {
        title.setText("Explain");
        body.setText("Select a packet, then a layer in the details, to read what it is and what to look at.");
    }

    /** Shows the text for a protocol; returns false when none is written for it. */
    public boolean show(String protocol, String heading, Map<String, String> values) {
        String t = texts.render(protocol, values);
        if (t == null) {
            return false;
        }
        title.setText(heading);
        body.setText(t.replace("`", ""));
        return true;
    }

    public String text() {
        return body.getText();
    }

    public String heading() {
        return title.getText();
    }
}
