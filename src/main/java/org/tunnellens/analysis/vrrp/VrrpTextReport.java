package org.tunnellens.analysis.vrrp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The plain-text report of {@code tunnellens vrrp}: a table per virtual router, a text timeline, the events. */
public final class VrrpTextReport {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private VrrpTextReport() {
    }

    /** Wall-clock time of day in UTC, as the timeline prints it. */
    public static String clock(double epochSeconds) {
        long nanos = Math.round(epochSeconds * 1e9);
        return CLOCK.format(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }

    public static String render(VrrpAnalysis a) {
        StringBuilder sb = new StringBuilder();
        if (a.routers().isEmpty()) {
            sb.append("No VRRP adverts found.\n");
        }
        for (VirtualRouter r : a.routers()) {
            sb.append(String.format("VRID %d on %s  VRRPv%d  interval %s  auth %s  VIPs %s%n", r.vrid(), r.segment(),
                    r.version(), VirtualRouterTimeline.seconds((int) Math.round(r.advertInterval() * 1000)),
                    r.authPassword() != null ? "PASS \"" + r.authPassword() + "\" (in clear!)" : r.authType(),
                    r.vips().isEmpty() ? "-" : String.join(", ", r.vips())));
            sb.append(String.format("  %-26s %-17s %-12s %7s %6s  %-12s  %-12s%n", "router", "mac", "priority",
                    "adverts", "prio0", "first", "last"));
            for (VrrpSpeaker s : r.speakers()) {
                sb.append(String.format("  %-26s %-17s %-12s %7d %6d  %-12s  %-12s%n", s.ip(),
                        s.mac() == null ? "-" : s.mac(), join(s.priorities()), s.adverts(), s.resignations(),
                        clock(s.first()), clock(s.last())));
            }
            sb.append("  timeline (UTC):\n");
            for (MasterPeriod m : r.masters()) {
                sb.append(String.format("    %s .. %s  MASTER %s prio %d  (%d adverts, %s)%n", clock(m.from()),
                        clock(m.to()), m.ip(), m.priority(), m.adverts(), m.endedBy()));
            }
            chart(sb, r, a.events());
            for (String w : r.warnings()) {
                sb.append("  warning: ").append(w).append('\n');
            }
            sb.append('\n');
        }
        if (!a.events().isEmpty()) {
            sb.append("Events (UTC):\n");
            for (VrrpEvent e : a.events()) {
                sb.append(String.format("  %s  %-15s VRID %-3d %s%n", clock(e.time()), e.type().label(), e.vrid(),
                        e.detail()));
            }
        }
        for (String p : a.problems()) {
            sb.append("problem: ").append(p).append('\n');
        }
        return sb.toString();
    }

    private static final int WIDTH = 64;

    /**
     * A one-line band chart of who was master: one letter per router, '#' where two advertised at once (split
     * brain), '.' where nobody did; the line below marks events with '^'.
     */
    static void chart(StringBuilder sb, VirtualRouter r, List<VrrpEvent> events) {
        if (r.masters().isEmpty()) {
            return;
        }
        double start = r.masters().stream().mapToDouble(MasterPeriod::from).min().orElse(0);
        double end = r.masters().stream().mapToDouble(MasterPeriod::to).max().orElse(start);
        double step = Math.max((end - start) / WIDTH, 1e-9);
        List<String> ips = r.masters().stream().map(MasterPeriod::ip).distinct().toList();
        char[] band = new char[WIDTH];
        char[] marks = new char[WIDTH];
        java.util.Arrays.fill(marks, ' ');
        for (int c = 0; c < WIDTH; c++) {
            double t0 = start + c * step;
            double t1 = t0 + step;
            char ch = '.';
            MasterPeriod prev = null;
            for (MasterPeriod m : r.masters()) {
                if (m.from() < t1 && m.to() >= t0) {
                    char letter = (char) ('A' + Math.min(25, ips.indexOf(m.ip())));
                    // two periods in one column are a split brain only if they overlap in time, not if one
                    // master simply followed the other within the column
                    boolean overlap = prev != null && !prev.ip().equals(m.ip())
                            && Math.max(prev.from(), m.from()) < Math.min(prev.to(), m.to());
                    ch = overlap ? '#' : ch == '#' ? '#' : letter;
                    prev = m;
                }
            }
            band[c] = ch;
        }
        for (VrrpEvent e : events) {
            if (e.vrid() == r.vrid() && e.segment().equals(r.segment()) && e.type() != VrrpEventType.GARP) {
                int c = (int) Math.min(WIDTH - 1, Math.max(0, (e.time() - start) / step));
                marks[c] = '^';
            }
        }
        sb.append(String.format("  chart: %s |%s| %s%n", clock(start), new String(band), clock(end)));
        sb.append(String.format("         %s  %s%n", " ".repeat(12), new String(marks)));
        StringBuilder legend = new StringBuilder("         ");
        for (int i = 0; i < ips.size(); i++) {
            legend.append((char) ('A' + Math.min(25, i))).append('=').append(ips.get(i)).append("  ");
        }
        sb.append(legend).append("#=two masters  .=none  ^=event\n");
    }

    private static String join(List<Integer> l) {
        StringBuilder sb = new StringBuilder();
        for (Integer i : l) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(i);
        }
        return sb.toString();
    }
}
