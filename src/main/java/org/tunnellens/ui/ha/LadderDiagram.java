package org.tunnellens.ui.ha;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Draws a {@link LadderModel}: three lifelines (client, director, real server) and one arrow per packet direction
 * and segment. Above each arrow the addresses as they are on that wire, the one the director rewrote in orange;
 * below it what the packets are and the frame that shows them.
 */
public final class LadderDiagram extends Region {
    private static final double TOP = 96;
    private static final double STEP = 88;
    private static final double MARGIN = 40;

    private LadderModel model;

    public LadderDiagram() {
        getStyleClass().add("lvs-ladder");
        setStyle("-fx-background-color: white;");
        widthProperty().addListener((o, was, now) -> redraw());
    }

    public void show(LadderModel m) {
        this.model = m;
        setMinHeight(height());
        setPrefHeight(height());
        redraw();
    }

    public LadderModel model() {
        return model;
    }

    private double height() {
        return model == null ? 200 : TOP + model.arrows().size() * STEP + (model.note() == null ? 20 : 70);
    }

    @Override
    protected double computePrefWidth(double h) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double w) {
        return height();
    }

    private double columnX(LadderColumn c, double w) {
        double inner = w - 2 * MARGIN;
        return MARGIN + inner * (0.12 + 0.38 * c.ordinal());
    }

    private void redraw() {
        double w = getWidth();
        if (model == null || w <= 0) {
            getChildren().clear();
            return;
        }
        List<Node> nodes = new ArrayList<>();
        Text title = text(model.title(), 12.5, true, Palette.TEXT);
        title.setX(12);
        title.setY(8);
        nodes.add(title);
        double bottom = TOP + model.arrows().size() * STEP;
        for (LadderColumn c : LadderColumn.values()) {
            double x = columnX(c, w);
            Rectangle box = new Rectangle(x - 80, 40, 160, 40);
            box.setFill(Color.web("#eef2f7"));
            box.setStroke(Color.web("#9aa7b6"));
            box.setArcWidth(6);
            box.setArcHeight(6);
            nodes.add(box);
            nodes.add(centered(c.title(), x, 43, 12, true, Palette.TEXT));
            nodes.add(centered(model.hosts().get(c.ordinal()), x, 60, 11.5, false, Palette.TEXT));
            Line life = new Line(x, 80, x, bottom);
            life.setStroke(Color.web("#9aa7b6"));
            life.getStrokeDashArray().addAll(5.0, 4.0);
            nodes.add(life);
        }
        double y = TOP + 30;
        for (LadderArrow a : model.arrows()) {
            arrow(nodes, a, y, w);
            y += STEP;
        }
        if (model.note() != null) {
            Text note = text("Note: " + model.note(), 11.5, false, Palette.EVENT);
            note.setX(12);
            note.setY(bottom + 10);
            note.setWrappingWidth(w - 24);
            nodes.add(note);
        }
        getChildren().setAll(nodes);
    }

    private void arrow(List<Node> nodes, LadderArrow a, double y, double w) {
        double x0 = columnX(a.from(), w);
        double x1 = columnX(a.to(), w);
        Color colour = a.stray() ? Palette.EVENT : "front".equals(a.segment()) ? Palette.FRONT : Palette.BACK;
        double dir = Math.signum(x1 - x0);
        Line line = new Line(x0, y, x1 - dir * 9, y);
        line.setStroke(colour);
        line.setStrokeWidth(2.2);
        if (a.stray()) {
            line.getStrokeDashArray().addAll(8.0, 5.0);
        }
        nodes.add(line);
        Polygon head = new Polygon(x1, y, x1 - dir * 11, y - 6, x1 - dir * 11, y + 6);
        head.setFill(colour);
        nodes.add(head);

        double mid = (x0 + x1) / 2;
        Text src = text(a.source(), 12.5, a.rewritten() == LadderArrow.Rewrite.SOURCE,
                a.rewritten() == LadderArrow.Rewrite.SOURCE ? Palette.REWRITE : Palette.TEXT);
        Text arrowGlyph = text("  \u2192  ", 12.5, false, Palette.TEXT);
        Text dst = text(a.target(), 12.5, a.rewritten() == LadderArrow.Rewrite.TARGET,
                a.rewritten() == LadderArrow.Rewrite.TARGET ? Palette.REWRITE : Palette.TEXT);
        double total = src.getLayoutBounds().getWidth() + arrowGlyph.getLayoutBounds().getWidth()
                + dst.getLayoutBounds().getWidth();
        double x = mid - total / 2;
        for (Text t : List.of(src, arrowGlyph, dst)) {
            t.setX(x);
            t.setY(y - 22);
            x += t.getLayoutBounds().getWidth();
            nodes.add(t);
        }
        nodes.add(centered(a.caption(), mid, y + 6, 11, false, Color.web("#4a5563")));
        if (a.frame() != null) {
            nodes.add(centered("frame " + a.frame(), mid, y + 21, 10.5, false, Color.web("#6b7785")));
        }
        String seg = a.stray() ? "bypass" : a.segment() + " segment";
        Text tag = text(seg, 10.5, true, colour);
        tag.setX(6);
        tag.setY(y - 7);
        nodes.add(tag);
    }

    private static Text centered(String s, double x, double y, double size, boolean bold, Color c) {
        Text t = text(s, size, bold, c);
        t.setX(x - t.getLayoutBounds().getWidth() / 2);
        t.setY(y);
        return t;
    }

    private static Text text(String s, double size, boolean bold, Color c) {
        Text t = new Text(s);
        t.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        t.setFill(c);
        t.setTextOrigin(VPos.TOP);
        return t;
    }
}
