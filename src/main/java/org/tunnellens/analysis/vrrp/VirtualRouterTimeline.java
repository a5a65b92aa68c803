package org.tunnellens.analysis.vrrp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Walks the adverts of one virtual router in time order and turns them into master periods and events. A period
 * ends when its router resigns (priority 0), falls silent for its master-down interval, or changes priority.
 */
final class VirtualRouterTimeline {
    private final List<VrrpAdvert> adverts;
    private final long captureEnd;
    private final int vrid;
    private final String segment;
    private final long intervalNanos;
    private final Map<String, Run> open = new LinkedHashMap<>();
    private final List<Run> closed = new ArrayList<>();
    private final List<VrrpEvent> events = new ArrayList<>();
    /** A router that started advertising next to a live, better master, and that master's run. */
    private final Map<Run, Run> startedBeside = new LinkedHashMap<>();

    /** A period being built: consecutive adverts of one router at one priority. */
    private static final class Run {
        final VrrpAdvert first;
        VrrpAdvert last;
        int count;
        String endedBy;

        Run(VrrpAdvert first) {
            this.first = first;
            this.last = first;
            this.count = 1;
        }
    }

    VirtualRouterTimeline(List<VrrpAdvert> adverts, long captureEnd) {
        this.adverts = adverts;
        this.captureEnd = captureEnd;
        this.vrid = adverts.getFirst().vrid();
        this.segment = adverts.getFirst().segment();
        this.intervalNanos = mostCommonInterval(adverts) * 1_000_000L;
        build();
    }

    private static int mostCommonInterval(List<VrrpAdvert> adverts) {
        Map<Integer, Integer> n = new HashMap<>();
        adverts.forEach(a -> n.merge(a.intervalMillis(), 1, Integer::sum));
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(1000);
    }

    private void build() {
        for (VrrpAdvert a : adverts) {
            closeSilent(a.nanos());
            Run run = open.get(a.ip());
            if (a.isResignation()) {
                if (run != null) {
                    run.last = a;
                    run.count++;
                    close(run, "resigned");
                }
                events.add(new VrrpEvent(VrrpEventType.RESIGN, a.nanos(), vrid, segment, a.ip(), null, Double.NaN,
                        a.ip() + " sent priority 0: its master is stopping"
                                + (run == null ? " (it was not seen advertising as master before)" : ""),
                        List.of(a.packet())));
                continue;
            }
            if (run != null && run.first.priority() != a.priority()) {
                close(run, "priority-change");
                run = null;
                Run fresh = new Run(a);
                open.put(a.ip(), fresh);
                continue;
            }
            if (run == null) {
                Run beside = started(a);
                Run fresh = new Run(a);
                open.put(a.ip(), fresh);
                if (beside != null) {
                    startedBeside.put(fresh, beside);
                }
            } else {
                run.last = a;
                run.count++;
            }
        }
        closeSilent(captureEnd);
        for (Run r : new ArrayList<>(open.values())) {
            if (!replacedQuietly(r)) {
                close(r, outlivedByBetterMaster(r) ? "yielded" : "capture-end");
            }
        }
        splitBrain();
        configMismatch();
    }

    /** Closes the runs of routers that have not advertised for their master-down interval by {@code now}. */
    private void closeSilent(long now) {
        for (Run r : new ArrayList<>(open.values())) {
            long downAt = r.last.nanos() + r.last.masterDownNanos();
            if (now <= downAt) {
                continue;
            }
            if (replacedQuietly(r)) {
                continue;
            }
            if (betterMasterAdvertising(r)) {
                close(r, "yielded");
                continue;
            }
            close(r, "silent");
            double silence = r.last.masterDownNanos() / 1e9;
            events.add(new VrrpEvent(VrrpEventType.SILENT, downAt, vrid, segment, r.first.ip(), null, silence,
                    String.format("master %s sent no advert for %.3f s (3 x %s + skew) after its last one (%s)",
                            r.first.ip(), silence, seconds(r.last.intervalMillis()), r.last.packet()),
                    List.of(r.last.packet())));
        }
    }

    /**
     * A lower-priority router started advertising while {@code r} still looked alive, and {@code r} never advertised
     * again: {@code r} had stopped (its resignation was not captured, or came between two adverts) and the other
     * router took over. Closes {@code r} and records the takeover; false if that is not what happened.
     */
    private boolean replacedQuietly(Run r) {
        for (Map.Entry<Run, Run> e : startedBeside.entrySet()) {
            Run successor = e.getKey();
            if (e.getValue() == r && r.last.nanos() <= successor.first.nanos()) {
                startedBeside.remove(successor);
                close(r, "stopped");
                takeover(successor.first, r);
                return true;
            }
        }
        return false;
    }

    /** A router that stops while a better one is advertising became backup: that is VRRP working, not silence. */
    private boolean betterMasterAdvertising(Run r) {
        for (Run o : open.values()) {
            if (o != r && outranks(o.first, r.first) && o.last.nanos() >= r.last.nanos() - intervalNanos) {
                return true;
            }
        }
        return false;
    }

    /** At the end of the capture: a better master kept advertising well after this one stopped. */
    private boolean outlivedByBetterMaster(Run r) {
        for (Run o : open.values()) {
            if (o != r && outranks(o.first, r.first) && o.last.nanos() > r.last.nanos() + intervalNanos * 3 / 2) {
                return true;
            }
        }
        for (Run o : closed) {
            if (outranks(o.first, r.first) && o.last.nanos() > r.last.nanos() + intervalNanos * 3 / 2) {
                return true;
            }
        }
        return false;
    }

    /** VRRP's election: the higher priority wins, a tie goes to the higher primary address. */
    private static boolean outranks(VrrpAdvert a, VrrpAdvert b) {
        if (a.priority() != b.priority()) {
            return a.priority() > b.priority();
        }
        return compareAddresses(a.ip(), b.ip()) > 0;
    }

    private static int compareAddresses(String x, String y) {
        String[] a = x.split("[.:]");
        String[] b = y.split("[.:]");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int va = parse(a[i], x.contains(":"));
            int vb = parse(b[i], y.contains(":"));
            if (va != vb) {
                return Integer.compare(va, vb);
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int parse(String s, boolean hex) {
        try {
            return s.isEmpty() ? 0 : Integer.parseInt(s, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void close(Run r, String why) {
        r.endedBy = why;
        open.remove(r.first.ip());
        closed.add(r);
    }

    /** A router starts advertising as master: a takeover from a gone master, or a pre-emption of a live one. */
    private Run started(VrrpAdvert a) {
        for (Run o : new ArrayList<>(open.values())) {
            // a master that missed its next advert is gone even if its master-down time has not passed:
            // the capture lost its resignation, or the new master did not wait
            if (!o.first.ip().equals(a.ip()) && a.nanos() - o.last.nanos() > intervalNanos * 21 / 20) {
                close(o, "stopped");
            }
        }
        Run live = null;
        for (Run o : open.values()) {
            if (!o.first.ip().equals(a.ip()) && (live == null || o.last.nanos() > live.last.nanos())) {
                live = o;
            }
        }
        if (live != null) {
            if (outranks(a, live.first)) {
                events.add(new VrrpEvent(VrrpEventType.PREEMPT, a.nanos(), vrid, segment, live.first.ip(), a.ip(),
                        (a.nanos() - live.last.nanos()) / 1e9,
                        String.format("%s (priority %d) takes master back from %s (priority %d), whose last advert "
                                        + "was %.3f s before", a.ip(), a.priority(), live.first.ip(),
                                live.first.priority(), (a.nanos() - live.last.nanos()) / 1e9),
                        List.of(live.last.packet(), a.packet())));
                return null;
            }
            return live; // beside a live better master: split brain, or that master had just stopped
        }
        Run gone = null;
        for (Run c : closed) {
            if (!c.first.ip().equals(a.ip()) && (gone == null || c.last.nanos() >= gone.last.nanos())) {
                gone = c;
            }
        }
        if (gone == null) {
            return null; // the first master the capture shows: it was master before the capture started
        }
        takeover(a, gone);
        return null;
    }

    private void takeover(VrrpAdvert a, Run gone) {
        double failover = (a.nanos() - gone.last.nanos()) / 1e9;
        String how = switch (gone.endedBy) {
            case "resigned" -> "resigned with priority 0";
            case "silent" -> "fell silent";
            default -> "stopped advertising";
        };
        events.add(new VrrpEvent(VrrpEventType.TAKEOVER, a.nanos(), vrid, segment, gone.first.ip(), a.ip(), failover,
                String.format("%s (priority %d) becomes master %.3f s after %s (priority %d) %s (last advert %s)",
                        a.ip(), a.priority(), failover, gone.first.ip(), gone.first.priority(), how,
                        gone.last.packet()),
                List.of(gone.last.packet(), a.packet())));
    }

    /** Two routers advertising at once for longer than one interval: neither hears the other. */
    private void splitBrain() {
        List<Run> runs = new ArrayList<>(closed);
        runs.sort((x, y) -> Long.compare(x.first.nanos(), y.first.nanos()));
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                Run x = runs.get(i);
                Run y = runs.get(j);
                if (x.first.ip().equals(y.first.ip())) {
                    continue;
                }
                long from = Math.max(x.first.nanos(), y.first.nanos());
                long to = Math.min(x.last.nanos(), y.last.nanos());
                long interval = Math.max(x.first.intervalMillis(), y.first.intervalMillis()) * 1_000_000L;
                if (to - from > interval) {
                    double overlap = (to - from) / 1e9;
                    events.add(new VrrpEvent(VrrpEventType.SPLIT_BRAIN, from, vrid, segment, x.first.ip(),
                            y.first.ip(), overlap,
                            String.format("%s (priority %d) and %s (priority %d) both advertise as master for "
                                            + "%.3f s: they do not hear each other", x.first.ip(),
                                    x.first.priority(), y.first.ip(), y.first.priority(), overlap),
                            List.of(x.first.packet(), y.first.packet())));
                }
            }
        }
    }

    /** Routers of one VRID must agree on version, interval, addresses and authentication. */
    private void configMismatch() {
        Map<String, VrrpAdvert> firstBySource = new LinkedHashMap<>();
        for (VrrpAdvert a : adverts) {
            if (!a.isResignation()) {
                firstBySource.putIfAbsent(a.ip(), a);
            }
        }
        List<VrrpAdvert> sources = new ArrayList<>(firstBySource.values());
        for (int i = 0; i < sources.size(); i++) {
            for (int j = i + 1; j < sources.size(); j++) {
                VrrpAdvert x = sources.get(i);
                VrrpAdvert y = sources.get(j);
                mismatch(x, y, "version", "VRRPv" + x.version(), "VRRPv" + y.version());
                mismatch(x, y, "advert interval", seconds(x.intervalMillis()), seconds(y.intervalMillis()));
                mismatch(x, y, "virtual addresses", String.join(",", new TreeSet<>(x.addresses())),
                        String.join(",", new TreeSet<>(y.addresses())));
                mismatch(x, y, "authentication", auth(x), auth(y));
            }
        }
    }

    private void mismatch(VrrpAdvert x, VrrpAdvert y, String what, String vx, String vy) {
        if (!Objects.equals(vx, vy)) {
            events.add(new VrrpEvent(VrrpEventType.CONFIG_MISMATCH, y.nanos(), vrid, segment, x.ip(), y.ip(),
                    Double.NaN, String.format("%s differs: %s has %s, %s has %s", what, x.ip(), vx, y.ip(), vy),
                    List.of(x.packet(), y.packet())));
        }
    }

    static String auth(VrrpAdvert a) {
        return switch (a.authType()) {
            case -1 -> "none (VRRPv3)";
            case 0 -> "none";
            case 1 -> "PASS \"" + a.authText() + "\"";
            case 2 -> "AH";
            default -> "type " + a.authType();
        };
    }

    static String seconds(int millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format("%.2f s", millis / 1000.0);
    }

    List<VrrpEvent> events() {
        return events;
    }

    VirtualRouter router() {
        List<Run> runs = new ArrayList<>(closed);
        runs.sort((x, y) -> Long.compare(x.first.nanos(), y.first.nanos()));
        List<MasterPeriod> masters = new ArrayList<>();
        for (Run r : runs) {
            masters.add(new MasterPeriod(r.first.ip(), r.first.mac(), r.first.priority(), r.first.nanos(),
                    r.last.nanos(), r.count, r.endedBy, r.first.packet(), r.last.packet()));
        }
        Map<String, List<VrrpAdvert>> bySource = new LinkedHashMap<>();
        adverts.forEach(a -> bySource.computeIfAbsent(a.ip(), k -> new ArrayList<>()).add(a));
        List<VrrpSpeaker> speakers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> vips = new ArrayList<>();
        String password = null;
        for (List<VrrpAdvert> l : bySource.values()) {
            VrrpAdvert f = l.getFirst();
            List<Integer> prios = l.stream().map(VrrpAdvert::priority).distinct().sorted().toList();
            int bad = (int) l.stream().filter(a -> a.checksum().equals("bad")).count();
            int resign = (int) l.stream().filter(VrrpAdvert::isResignation).count();
            speakers.add(new VrrpSpeaker(f.ip(), f.mac(), prios, l.size(), resign, bad, f.time(), l.getLast().time()));
            l.forEach(a -> vips.addAll(a.addresses()));
            if (bad > 0) {
                warnings.add(bad + " advert(s) from " + f.ip() + " have a bad VRRP checksum: routers drop them");
            }
            if (l.stream().anyMatch(a -> a.ttl() >= 0 && a.ttl() != 255)) {
                warnings.add("adverts from " + f.ip() + " arrive with TTL/hop limit below 255: routers must "
                        + "discard them (RFC 5798 5.1.1.3), so they were routed, not sent on the segment");
            }
            for (VrrpAdvert a : l) {
                if (a.authType() == 1 && password == null) {
                    password = a.authText();
                }
            }
        }
        if (password != null) {
            warnings.add("authentication PASS sends the password \"" + password + "\" in clear in every advert: "
                    + "anyone on the segment can read it (it only guards against misconfiguration; RFC 3768 "
                    + "removed it and VRRPv3 has none)");
        }
        VrrpAdvert f = adverts.getFirst();
        return new VirtualRouter(vrid, f.version(), segment, f.ip().contains(":") ? "ipv6" : "ipv4",
                VrrpAnalyzer.distinct(vips), intervalNanos / 1e9, authName(f), password, List.copyOf(warnings),
                List.copyOf(speakers), List.copyOf(masters), List.copyOf(adverts));
    }

    private static String authName(VrrpAdvert a) {
        return switch (a.authType()) {
            case -1, 0 -> "none";
            case 1 -> "PASS";
            case 2 -> "AH";
            default -> "type " + a.authType();
        };
    }
}
