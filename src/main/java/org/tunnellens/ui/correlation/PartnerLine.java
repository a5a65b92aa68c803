package org.tunnellens.ui.correlation;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;

/**
 * The strip between the two lists with a curve from the selected row on the left to its partner on the right.
 * Row positions come from the rows the tables have laid out, so the curve follows scrolling; an end whose row is
 * scrolled out of view is pinned to that list's top or bottom edge.
 */
public final class PartnerLine extends Pane {
    private final TableView<Integer> left;
    private final TableView<Integer> right;
    private final CubicCurve curve = new CubicCurve();
    private final Circle leftEnd = new Circle(4);
    private final Circle rightEnd = new Circle(4);
    private int leftRow = -1;
    private int rightRow = -1;

    public PartnerLine(TableView<Integer> left, TableView<Integer> right) {
        this.left = left;
        this.right = right;
        setId("partner-line");
        getStyleClass().add("corr-partner-strip");
        curve.getStyleClass().add("corr-partner-curve");
        leftEnd.getStyleClass().add("corr-partner-end");
        rightEnd.getStyleClass().add("corr-partner-end");
        getChildren().addAll(curve, leftEnd, rightEnd);
        setMinWidth(46);
        setPrefWidth(46);
        setMaxWidth(46);
        hide();
    }

    /** Joins row {@code leftRow} of the left list to row {@code rightRow} of the right one; -1 hides the line. */
    public void connect(int leftRow, int rightRow) {
        this.leftRow = leftRow;
        this.rightRow = rightRow;
        redraw();
    }

    public boolean isShown() {
        return curve.isVisible();
    }

    /** Y of the line's ends in this strip's coordinates, for tests: {left, right}. */
    public double[] endsY() {
        return new double[] {curve.getStartY(), curve.getEndY()};
    }

    public void redraw() {
        if (leftRow < 0 || rightRow < 0 || getScene() == null) {
            hide();
            return;
        }
        double y1 = rowCentre(left, leftRow);
        double y2 = rowCentre(right, rightRow);
        if (Double.isNaN(y1) || Double.isNaN(y2)) {
            hide();
            return;
        }
        double w = getWidth();
        curve.setStartX(0);
        curve.setStartY(y1);
        curve.setControlX1(w * 0.55);
        curve.setControlY1(y1);
        curve.setControlX2(w * 0.45);
        curve.setControlY2(y2);
        curve.setEndX(w);
        curve.setEndY(y2);
        leftEnd.setCenterX(3);
        leftEnd.setCenterY(y1);
        rightEnd.setCenterX(w - 3);
        rightEnd.setCenterY(y2);
        curve.setVisible(true);
        leftEnd.setVisible(true);
        rightEnd.setVisible(true);
    }

    private void hide() {
        curve.setVisible(false);
        leftEnd.setVisible(false);
        rightEnd.setVisible(false);
    }

    /** Centre of a row in this strip's coordinates, clamped to the list's rows area; NaN before layout. */
    private double rowCentre(TableView<Integer> table, int row) {
        Node header = table.lookup(".column-header-background");
        Bounds tableBounds = sceneToLocal(table.localToScene(table.getLayoutBounds()));
        if (tableBounds == null) {
            return Double.NaN;
        }
        double top = tableBounds.getMinY();
        if (header != null) {
            top = sceneToLocal(header.localToScene(header.getLayoutBounds())).getMaxY();
        }
        double bottom = tableBounds.getMaxY();
        int firstShown = Integer.MAX_VALUE;
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && r.isVisible() && !r.isEmpty() && r.getIndex() >= 0) {
                Bounds b = sceneToLocal(r.localToScene(r.getLayoutBounds()));
                if (r.getIndex() == row && b.getMaxY() > top && b.getMinY() < bottom) {
                    return Math.clamp(b.getCenterY(), top, bottom);
                }
                firstShown = Math.min(firstShown, r.getIndex());
            }
        }
        if (firstShown == Integer.MAX_VALUE) {
            return Double.NaN;
        }
        return row < firstShown ? top : bottom;
    }
}
