package org.tunnellens.analysis.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.CaptureInterface;
import org.tunnellens.capture.LinkType;
import org.tunnellens.capture.PacketIndex;
import org.tunnellens.capture.ReadProblem;

/**
 * What capinfos tells about a file, from the packet index alone (no dissection): format, interfaces, packet and
 * byte counts, first and last packet time, truncated packets, and where reading stopped and why.
 */
public record CaptureSummary(String file, long fileBytes, String format, List<Map<String, Object>> interfaces,
                             int packets, long capturedBytes, long originalBytes, long firstNanos, long lastNanos,
                             int truncatedPackets, ReadProblem problem) {

    public static CaptureSummary of(CaptureFile f) {
        PacketIndex idx = f.index();
        long cap = 0;
        long orig = 0;
        int truncated = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < f.packetCount(); i++) {
            cap += idx.capturedLength(i);
            orig += idx.originalLength(i);
            if (idx.capturedLength(i) < idx.originalLength(i)) {
                truncated++;
            }
            first = Math.min(first, idx.timestampNanos(i));
            last = Math.max(last, idx.timestampNanos(i));
        }
        List<Map<String, Object>> ifaces = new ArrayList<>();
        List<CaptureInterface> list = f.interfaces();
        for (int i = 0; i < list.size(); i++) {
            CaptureInterface ci = list.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", i);
            m.put("name", ci.displayName(i));
            m.put("link_type", ci.linkType());
            m.put("link_type_name", LinkType.describe(ci.linkType()));
            m.put("snaplen", ci.snaplen());
            ifaces.add(m);
        }
        return new CaptureSummary(f.path().toString(), f.size(), f.format().description(), ifaces, f.packetCount(),
                cap, orig, f.packetCount() == 0 ? 0 : first, f.packetCount() == 0 ? 0 : last, truncated, f.problem());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("file_bytes", fileBytes);
        m.put("format", format);
        m.put("interfaces", interfaces);
        m.put("packets", packets);
        m.put("captured_bytes", capturedBytes);
        m.put("original_bytes", originalBytes);
        m.put("first_packet", packets == 0 ? null : Instant.ofEpochSecond(0, firstNanos).toString());
        m.put("last_packet", packets == 0 ? null : Instant.ofEpochSecond(0, lastNanos).toString());
        m.put("duration_seconds", (lastNanos - firstNanos) / 1e9);
        m.put("truncated_packets", truncatedPackets);
        if (problem != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("offset", problem.offset());
            p.put("reason", problem.reason());
            m.put("stopped_early", p);
        } else {
            m.put("stopped_early", null);
        }
        return m;
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        row(sb, "File name", file);
        row(sb, "File size", fileBytes + " bytes");
        row(sb, "File type", format);
        for (Map<String, Object> i : interfaces) {
            row(sb, "Interface #" + i.get("index"), i.get("name") + "  link type " + i.get("link_type_name") + " ("
                    + i.get("link_type") + "), snaplen " + i.get("snaplen"));
        }
        row(sb, "Number of packets", Integer.toString(packets));
        row(sb, "Data size", capturedBytes + " bytes captured, " + originalBytes + " bytes on the wire");
        if (packets > 0) {
            row(sb, "First packet time", Instant.ofEpochSecond(0, firstNanos).toString());
            row(sb, "Last packet time", Instant.ofEpochSecond(0, lastNanos).toString());
            row(sb, "Capture duration", String.format("%.6f seconds", (lastNanos - firstNanos) / 1e9));
        }
        row(sb, "Truncated packets", truncatedPackets + (truncatedPackets > 0 ? " (captured shorter than on the wire;"
                + " snaplen too small?)" : ""));
        row(sb, "Read to the end", problem == null ? "yes" : "no: " + problem.reason() + " at byte offset "
                + problem.offset());
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append(String.format("%-20s %s%n", label + ":", value));
    }
}
