package org.tunnellens.ui.ha;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import org.tunnellens.ui.CaptureTab;
import org.tunnellens.ui.MainWindow;

/**
 * Shows a view's packets in the main window: the tab of each capture (matched by file name among the tabs the
 * analysis read) gets the frames selected, or its display filter set to {@code frame.number in {...}}. When a
 * frame is hidden by the tab's current filter, selecting cannot show it, so the filter is replaced.
 */
public final class CaptureTabsLink implements PacketListLink {
    private final MainWindow window;
    private final List<CaptureTab> tabs;

    public CaptureTabsLink(MainWindow window, List<CaptureTab> tabs) {
        this.window = window;
        this.tabs = List.copyOf(tabs);
    }

    @Override
    public String show(List<CaptureFrames> frames, boolean filter) {
        List<String> done = new ArrayList<>();
        // the capture with most of the event's packets (the new master's advert and its GARPs) comes forward
        CaptureTab first = null;
        int most = 0;
        for (CaptureFrames cf : frames) {
            CaptureTab tab = tabs.stream().filter(t -> t.path().getFileName().toString().equals(cf.capture()))
                    .findFirst().orElse(null);
            if (tab == null || tab.table() == null || !window.tabs().getTabs().contains(tab)) {
                done.add(cf.capture() + ": not open");
                continue;
            }
            if (cf.frames().size() > most) {
                first = tab;
                most = cf.frames().size();
            }
            if (filter || !select(tab, cf.frames())) {
                tab.filterBar().setText(cf.filterText());
                tab.filterBar().apply();
                done.add(cf.capture() + ": filtered to " + cf.frames().size() + " packet(s)");
            } else {
                done.add(cf.capture() + ": selected " + cf.frames());
            }
        }
        if (first != null) {
            window.tabs().getSelectionModel().select(first);
        }
        return String.join("; ", done);
    }

    /** Selects the rows of these frames; false if one of them is not displayed. */
    private static boolean select(CaptureTab tab, List<Integer> frames) {
        TableView<Integer> table = tab.table();
        int[] rows = new int[frames.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = tab.rows().rowOf(frames.get(i) - 1);
            if (rows[i] < 0) {
                return false;
            }
        }
        table.getSelectionModel().clearSelection();
        for (int r : rows) {
            table.getSelectionModel().select(r);
        }
        if (rows.length > 0) {
            table.scrollTo(Math.max(0, rows[0] - 3));
        }
        return true;
    }
}
