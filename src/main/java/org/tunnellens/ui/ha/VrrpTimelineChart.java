package org.tunnellens.ui.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.control.Tooltip;
import org.tunnellens.analysis.vrrp.VrrpEvent;
import org.tunnellens.analysis.vrrp.VrrpTextReport;

/**
 * The VRRP timeline drawn with shapes: one lane per VRID with a coloured band per master period (the router and its
 * priority written in it) and a marker per event. Clicking a marker selects its event. Redrawn on every resize so
 * the time axis always uses the full width.
 */
public final class VrrpTimelineChart extends Region {
    static final double LEFT = 16;
    static final double RIGHT = 24;
    static final double AXIS = 34;
    static final double LANE = 104;
    static final double LEGEND = 34;

    private final VrrpTimelineModel model;
    private VrrpEvent selected;
    private Consumer<VrrpEvent> onPick = e -> { };

    public VrrpTimelineChart(VrrpTimelineModel model) {
        this.model = model;
        getStyleClass().add("vrrp-timeline");
        setStyle("-fx-background-color: white;");
        setMinHeight(height());
        setPrefHeight(height());
        widthProperty().addListener((o, was, now) -> redraw());
    }

    private double height() {
        return AXIS + model.lanes().size() * LANE + LEGEND;
    }

    public void setOnPick(Consumer<VrrpEvent> handler) {
        this.onPick = handler;
    }

    public void select(VrrpEvent e) {
        selected = e;
        redraw();
    }

    @Override
    protected double computePrefWidth(double h) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double w) {
        return height();
    }

    private void redraw() {
        double w = getWidth() - LEFT - RIGHT;
        if (w <= 0) {
            return;
        }
        List<Node> nodes = new ArrayList<>();
        TimeScale s = model.scale();
        axis(nodes, s, w);
        double y = AXIS;
        for (VridLane lane : model.lanes()) {
            lane(nodes, lane, s, y, w);
            y += LANE;
        }
        legend(nodes, y + 8);
        getChildren().setAll(nodes);
    }

    private void axis(List<Node> nodes, TimeScale s, double w) {
        long tick = s.tickNanos(Math.max(2, (int) (w / 110)));
        long first = Math.floorDiv(s.startNanos() + tick - 1, tick) * tick;
        for (long t = first; t <= s.endNanos(); t += tick) {
            double x = s.x(t, LEFT, w);
            Line grid = new Line(x, AXIS - 4, x, AXIS + model.lanes().size() * LANE);
            grid.setStroke(Palette.GRID);
            nodes.add(grid);
            Text label = text(VrrpTextReport.clock(t / 1e9).substring(0, 8), 11, false);
            label.setX(x - label.getLayoutBounds().getWidth() / 2);
            label.setY(AXIS - 18);
            nodes.add(label);
        }
        Text utc = text("UTC", 11, true);
        utc.setX(LEFT);
        utc.setY(4);
        nodes.add(utc);
    }

    private void lane(List<Node> nodes, VridLane lane, TimeScale s, double y, double w) {
        Line sep = new Line(LEFT, y, LEFT + w, y);
        sep.setStroke(Palette.GRID);
        nodes.add(sep);
        Text title = text(lane.title(), 12.5, true);
        title.setX(LEFT);
        title.setY(y + 4);
        nodes.add(title);
        double bandY = y + 50;
        double bandH = 30;
        for (MasterBand b : lane.bands()) {
            double x0 = s.x(b.fromNanos(), LEFT, w);
            double x1 = Math.max(x0 + 3, s.x(b.toNanos(), LEFT, w));
            double rowH = bandH / lane.rows();
            double top = bandY + b.row() * rowH;
            Rectangle r = new Rectangle(x0, top, x1 - x0, rowH - (lane.rows() > 1 ? 1 : 0));
            r.setFill(Palette.router(b.colour()));
            r.setArcWidth(4);
            r.setArcHeight(4);
            Tooltip.install(r, new Tooltip("MASTER " + b.label() + "\n" + VrrpTextReport.clock(b.fromNanos() / 1e9)
                    + " .. " + VrrpTextReport.clock(b.toNanos() / 1e9) + "\n" + b.adverts() + " adverts, ended: "
                    + b.endedBy()));
            nodes.add(r);
            Text label = text(b.label(), lane.rows() > 1 ? 10 : 11.5, true);
            label.setFill(javafx.scene.paint.Color.WHITE);
            if (label.getLayoutBounds().getWidth() + 8 <= x1 - x0) {
                label.setX(x0 + 5);
                label.setY(top + (rowH - label.getLayoutBounds().getHeight()) / 2);
                nodes.add(label);
            } else {
                Text prio = text(String.valueOf(b.priority()), 11, true);
                prio.setFill(javafx.scene.paint.Color.WHITE);
                if (prio.getLayoutBounds().getWidth() + 4 <= x1 - x0) {
                    prio.setX(x0 + 2);
                    prio.setY(top + (rowH - prio.getLayoutBounds().getHeight()) / 2);
                    nodes.add(prio);
                }
            }
        }
        for (EventMark m : lane.marks()) {
            double x = s.x(m.nanos(), LEFT, w);
            boolean sel = selected != null && selected.equals(m.event());
            double top = m.minor() ? bandY - 6 : y + 36;
            Line l = new Line(x, top, x, bandY + bandH + 6);
            l.setStroke(sel ? Palette.SELECTED : m.minor() ? Palette.MINOR_EVENT : Palette.EVENT);
            l.setStrokeWidth(sel ? 3.5 : m.minor() ? 1 : 2);
            nodes.add(l);
            if (!m.minor()) {
                Polygon p = new Polygon(x - 6, top - 12, x + 6, top - 12, x, top);
                p.setFill(sel ? Palette.SELECTED : Palette.EVENT);
                nodes.add(p);
            }
            Text sym = text(m.symbol(), m.minor() ? 10 : 11, true);
            sym.setFill(m.minor() ? Palette.MINOR_EVENT : Palette.EVENT);
            // GARPs follow a takeover within a millisecond: their letter goes above the band, the state change's below
            sym.setX(x + (m.minor() ? 2 : 3));
            sym.setY(m.minor() ? bandY - 17 : bandY + bandH + 4);
            nodes.add(sym);
            Rectangle hit = new Rectangle(x - 6, top - 12, 12, bandY + bandH + 18 - top);
            hit.setFill(javafx.scene.paint.Color.TRANSPARENT);
            hit.getStyleClass().add("vrrp-event-mark");
            hit.setUserData(m.event());
            Tooltip.install(hit, new Tooltip(VrrpTextReport.clock(m.event().time()) + "  "
                    + m.event().type().label() + "\n" + m.event().detail()));
            hit.setOnMouseClicked(e -> onPick.accept(m.event()));
            nodes.add(hit);
        }
    }

    private void legend(List<Node> nodes, double y) {
        double x = LEFT;
        for (int i = 0; i < model.routers().size(); i++) {
            Rectangle r = new Rectangle(x, y + 2, 14, 12);
            r.setFill(Palette.router(i));
            nodes.add(r);
            Text t = text("master " + model.routers().get(i), 11.5, false);
            t.setX(x + 19);
            t.setY(y + 1);
            nodes.add(t);
            x += 19 + t.getLayoutBounds().getWidth() + 22;
        }
        Text events = text("T takeover   R resign   P preempt   S split brain   ! silent   G gratuitous ARPs   "
                + "C config mismatch", 11.5, false);
        events.setX(x + 10);
        events.setY(y + 1);
        nodes.add(events);
    }

    private static Text text(String s, double size, boolean bold) {
        Text t = new Text(s);
        t.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        t.setFill(Palette.TEXT);
        t.setTextOrigin(VPos.TOP);
        return t;
    }
}
