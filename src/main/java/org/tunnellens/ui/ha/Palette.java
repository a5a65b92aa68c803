package org.tunnellens.ui.ha;

import javafx.scene.paint.Color;

/** Colours shared by the timeline and the ladder: dark enough for white text, distinct in grey print too. */
final class Palette {
    private static final Color[] ROUTERS = {Color.web("#2b62b0"), Color.web("#c8701a"), Color.web("#2e8a47"),
        Color.web("#8a3fa8"), Color.web("#b23a3a"), Color.web("#4c6b78")};
    static final Color TEXT = Color.web("#1c2128");
    static final Color GRID = Color.web("#d5dbe3");
    static final Color EVENT = Color.web("#c0262d");
    static final Color MINOR_EVENT = Color.web("#6b7785");
    static final Color SELECTED = Color.web("#ffb400");
    static final Color FRONT = Color.web("#2b62b0");
    static final Color BACK = Color.web("#2e8a47");
    static final Color REWRITE = Color.web("#c8701a");

    private Palette() {
    }

    static Color router(int index) {
        return ROUTERS[Math.floorMod(index, ROUTERS.length)];
    }
}
