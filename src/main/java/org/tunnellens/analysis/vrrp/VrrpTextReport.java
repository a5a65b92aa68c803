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
