package org.tunnellens.analysis.lvs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Finds what happened to the pool: failed checks, servers leaving, the sorry server, refused and bypassed replies. */
final class LvsEventFinder {
    private final List<LvsConnection> conns;
    private final List<HealthCheckSummary> checks;
    private final List<VirtualService> services;
    private final long grace;
    private final List<LvsEvent> events = new ArrayList<>();

    LvsEventFinder(List<LvsConnection> conns, List<HealthCheckSummary> checks, List<VirtualService> services,
                   long grace) {
        this.conns = conns;
        this.checks = checks;
        this.services = services;
        this.grace = grace;
    }

    List<LvsEvent> find() {
        for (HealthCheckSummary h : checks) {
            checkTransitions(h);
        }
        for (VirtualService s : services) {
            for (RealServerStats rs : s.realServers()) {
                if (rs.sorry()) {
                    sorry(s, rs);
                }
            }
        }
        refused();
        bypassed();
        events.sort(Comparator.comparingLong(LvsEvent::nanos));
        return List.copyOf(events);
    }

    private static String clock(long nanos) {
        return org.tunnellens.analysis.vrrp.VrrpTextReport.clock(nanos / 1e9);
    }

    private String serviceOf(String server, int port) {
        for (VirtualService s : services) {
            for (RealServerStats rs : s.realServers()) {
                if (rs.ip().equals(server) && rs.port() == port) {
                    return s.vip() == null ? null : s.vip() + ":" + s.port();
                }
            }
        }
        return null;
    }

    private void checkTransitions(HealthCheckSummary h) {
        Boolean up = null;
        for (HealthCheck c : h.probes()) {
            if (up != null && up == c.ok()) {
                continue;
            }
            if (!c.ok()) {
                events.add(new LvsEvent("check-failed", c.nanos(), serviceOf(h.server(), h.port()), h.server(),
                        String.format("health check of %s:%d from %s failed (%s)%s", h.server(), h.port(),
                                c.checker(), c.result(), up == null ? ", the first check in the capture" : ""),
                        List.of(c.packet())));
                removal(h, c);
            } else if (up != null) {
                events.add(new LvsEvent("check-ok", c.nanos(), serviceOf(h.server(), h.port()), h.server(),
                        String.format("health check of %s:%d passes again", h.server(), h.port()),
                        List.of(c.packet())));
            }
            up = c.ok();
        }
    }

    /** After a failed check keepalived takes the server out of the pool: no new connection should reach it. */
    private void removal(HealthCheckSummary h, HealthCheck failed) {
        long recovered = Long.MAX_VALUE;
        for (HealthCheck c : h.probes()) {
            if (c.nanos() > failed.nanos() && c.ok()) {
                recovered = c.nanos();
                break;
            }
        }
        LvsConnection lastBefore = null;
        List<LvsConnection> after = new ArrayList<>();
        int elsewhere = 0;
        for (LvsConnection c : conns) {
            boolean toIt = Objects.equals(c.realServer(), h.server()) && c.rport() == h.port();
            if (c.nanos() <= failed.nanos() + grace) {
                if (toIt) {
                    lastBefore = c;
                }
            } else if (c.nanos() < recovered) {
                if (toIt) {
                    after.add(c);
                } else if (c.realServer() != null) {
                    elsewhere++;
                }
            }
        }
        String svc = serviceOf(h.server(), h.port());
        if (after.isEmpty()) {
            events.add(new LvsEvent("server-removed", failed.nanos(), svc, h.server(),
                    String.format("%s:%d gets no new connection after its failed check%s; %d later connection(s) "
                                    + "went to other servers", h.server(), h.port(),
                            lastBefore == null ? "" : " (its last one started " + clock(lastBefore.nanos()) + ")",
                            elsewhere),
                    lastBefore == null ? List.of(failed.packet()) : refs(failed.packet(), lastBefore)));
        } else {
            events.add(new LvsEvent("still-scheduled", after.getFirst().nanos(), svc, h.server(),
                    String.format("%d connection(s) still sent to %s:%d after its failed check at %s", after.size(),
                            h.server(), h.port(), clock(failed.nanos())), refs(failed.packet(), after.getFirst())));
        }
    }

    private static List<FrameRef> refs(FrameRef first, LvsConnection c) {
        List<FrameRef> l = new ArrayList<>();
        l.add(first);
        if (c.front() != null) {
            l.add(c.front());
        }
        if (c.back() != null) {
            l.add(c.back());
        }
        return l;
    }

    private void sorry(VirtualService s, RealServerStats rs) {
        List<LvsConnection> l = conns.stream()
                .filter(c -> Objects.equals(c.realServer(), rs.ip()) && c.rport() == rs.port()).toList();
        if (l.isEmpty()) {
            return;
        }
        events.add(new LvsEvent("sorry-server", l.getFirst().nanos(), s.vip() + ":" + s.port(), rs.ip(),
                String.format("sorry server %s:%d takes the traffic: %d connection(s) from %s to %s, while the "
                                + "health-checked servers were out of the pool", rs.ip(), rs.port(), l.size(),
                        clock(l.getFirst().nanos()), clock(l.getLast().nanos())),
                l.stream().map(c -> c.back() != null ? c.back() : c.front()).toList()));
    }

    private void refused() {
        Map<String, List<LvsConnection>> by = new LinkedHashMap<>();
        for (LvsConnection c : conns) {
            if (c.outcome().equals("refused")) {
                by.computeIfAbsent(c.realServer() + ":" + c.rport(), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<LvsConnection> l : by.values()) {
            LvsConnection f = l.getFirst();
            events.add(new LvsEvent("refused", f.nanos(), f.vip() == null ? null : f.vip() + ":" + f.vport(),
                    f.realServer(), String.format("%d client connection(s) reset by %s (nothing listening) from %s to "
                                    + "%s: scheduled to a server that was down but still in the pool", l.size(),
                            f.realServer() == null ? "the server" : f.realServer() + ":" + f.rport(),
                            clock(f.nanos()), clock(l.getLast().nanos())),
                    l.stream().map(c -> c.front() != null ? c.front() : c.back()).toList()));
        }
    }

    private void bypassed() {
        for (LvsConnection c : conns) {
            if (c.outcome().equals("bypassed")) {
                events.add(new LvsEvent("bypass", c.nanos(), c.vip() + ":" + c.vport(), c.realServer(),
                        String.format("%s:%d answered client %s:%d directly from its own address instead of through "
                                        + "the director as %s:%d: its route back to the client bypasses the director "
                                        + "(LVS-NAT needs the director as the real servers' gateway): %s",
                                c.realServer(), c.rport(), c.client(), c.clientPort(), c.vip(), c.vport(), c.note()),
                        c.back() == null ? List.of(c.front()) : List.of(c.front(), c.back())));
            }
        }
    }
}
