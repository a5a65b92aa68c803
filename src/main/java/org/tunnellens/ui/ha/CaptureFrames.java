package org.tunnellens.ui.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The packets behind an event or a connection, grouped by capture file name: what a packet list has to select.
 *
 * @param capture file name as the analysis reported it
 * @param frames  1-based frame numbers, ascending, without repeats
 */
public record CaptureFrames(String capture, List<Integer> frames) {

    /** Groups (capture, frame) pairs by capture, keeping the captures in name order. */
    public static List<CaptureFrames> group(List<Map.Entry<String, Integer>> refs) {
        Map<String, TreeSet<Integer>> by = new TreeMap<>();
        for (Map.Entry<String, Integer> r : refs) {
            by.computeIfAbsent(r.getKey(), k -> new TreeSet<>()).add(r.getValue());
        }
        List<CaptureFrames> out = new ArrayList<>();
        by.forEach((c, f) -> out.add(new CaptureFrames(c, List.copyOf(f))));
        return out;
    }

    /** A display filter that shows exactly these frames. */
    public String filterText() {
        return "frame.number in {" + frames.stream().map(String::valueOf).collect(Collectors.joining(" ")) + "}";
    }
}
