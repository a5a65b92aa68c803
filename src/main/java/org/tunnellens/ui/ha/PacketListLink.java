package org.tunnellens.ui.ha;

import java.util.List;

/** Where a view sends "show these packets": the capture tabs of the main window, or nothing in a screenshot run. */
@FunctionalInterface
public interface PacketListLink {
    /**
     * Selects (or, with {@code filter}, filters the list to) these frames in the tabs of their captures.
     *
     * @return a line for the view's status bar saying what was done
     */
    String show(List<CaptureFrames> frames, boolean filter);

    PacketListLink NONE = (frames, filter) -> "";
}
