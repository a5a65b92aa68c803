package org.tunnellens.analysis.lvs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.DecodeConfig;

/**
 * Rebuilds LVS-NAT from a client-side capture, a server-side capture, or both (or one capture at the director).
 * IPVS NAT rewrites the destination address of the client's packets but not its port or sequence numbers, so a
 * client-to-VIP connection and its client-to-real-server twin share client address, port and initial sequence
 * number: that pairs them, and the pairs name the virtual services and their real servers.
 */
public final class LvsAnalyzer {
    private final DecodeConfig decode;

    public LvsAnalyzer() {
        this(DecodeConfig.defaults());
    }

    /** Reads captures decoded as the configuration says (VXLAN on an odd port, say). */
    public LvsAnalyzer(DecodeConfig decode) {
        this.decode = decode;
    }

    /** A connection this soon after a failed check may have been scheduled before the server was removed. */
    private static final long REMOVAL_GRACE = 500_000_000L;

    private final List<TcpLeg> legs = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    public LvsAnalyzer add(Path path) {
        try (CaptureFile file = CaptureFile.open(path)) {
            add(file, path.getFileName().toString());
        } catch (CaptureException e) {
            problems.add(e.getMessage());
        }
        return this;
    }

    public LvsAnalyzer add(CaptureFile file, String name) {
        LvsPacketReader r = new LvsPacketReader();
        r.read(file, name, decode);
        legs.addAll(r.legs());
        if (file.problem() != null) {
            problems.add(file.problem().message());
        }
        return this;
    }

    public static LvsAnalysis analyze(List<Path> paths) {
        return analyze(paths, DecodeConfig.defaults());
    }

    public static LvsAnalysis analyze(List<Path> paths, DecodeConfig decode) {
        LvsAnalyzer a = new LvsAnalyzer(decode);
        paths.forEach(a::add);
        return a.analyze();
    }

    /** One connection seen by one or more captures (a client-side leg on the client and on the director). */
    private record Sighting(TcpLeg leg, List<TcpLeg> all) {
        String endpoint() {
            return leg.server + ":" + leg.serverPort;
        }
    }

    public LvsAnalysis analyze() {
        List<Sighting> merged = merge(legs);
        // pair legs by client address, port and initial sequence number
        Map<String, List<Sighting>> byClientIsn = new LinkedHashMap<>();
        for (Sighting s : merged) {
            if (s.leg.isn >= 0) {
                byClientIsn.computeIfAbsent(s.leg.client + ":" + s.leg.clientPort + "#" + s.leg.isn,
                        k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Integer> frontVotes = new HashMap<>();
        for (List<Sighting> g : byClientIsn.values()) {
            if (endpoints(g).size() >= 2) {
                frontVotes.merge(g.getFirst().endpoint(), 1, Integer::sum);
                g.stream().skip(1).forEach(s -> frontVotes.merge(s.endpoint(), -1, Integer::sum));
            }
        }
        Set<String> vipEndpoints = new HashSet<>();
        frontVotes.forEach((e, v) -> {
            if (v > 0) {
                vipEndpoints.add(e);
            }
        });
        Map<String, String> serviceOfRealServer = new HashMap<>();
        Set<String> frontClients = new HashSet<>();
        List<Sighting[]> pairs = new ArrayList<>();
        Set<Sighting> used = new HashSet<>();
        for (List<Sighting> g : byClientIsn.values()) {
            Sighting front = g.stream().filter(s -> vipEndpoints.contains(s.endpoint())).findFirst().orElse(null);
            if (front == null || endpoints(g).size() < 2) {
                continue;
            }
            Sighting back = g.stream().filter(s -> !s.endpoint().equals(front.endpoint())).findFirst().orElseThrow();
            pairs.add(new Sighting[] {front, back});
            used.add(front);
            used.add(back);
            serviceOfRealServer.putIfAbsent(back.endpoint(), front.endpoint());
            frontClients.add(front.leg.client);
        }
        // what is left: client-side legs whose server side was not captured, health checks, server-side legs
        List<Sighting> rest = merged.stream().filter(s -> !used.contains(s)).toList();
        Set<String> checkers = checkers(rest, frontClients, serviceOfRealServer.keySet(), vipEndpoints);
        List<HealthCheck> checks = new ArrayList<>();
        List<LvsConnection> conns = new ArrayList<>();
        for (Sighting[] p : pairs) {
            conns.add(connection(p[0], p[1]));
        }
        for (Sighting s : rest) {
            if (checkers.contains(s.leg.client) && s.leg.noPayload() && !vipEndpoints.contains(s.endpoint())) {
                checks.add(check(s.leg));
            } else if (vipEndpoints.contains(s.endpoint()) || serviceOfRealServer.containsKey(s.endpoint())
                    || pairs.isEmpty()) {
                // with nothing paired, health checks mean the capture was taken on the server side
                boolean front = vipEndpoints.contains(s.endpoint()) || (pairs.isEmpty() && checkers.isEmpty());
                conns.add(front ? connection(s, null) : connection(null, s));
            }
        }
        conns.sort(Comparator.comparingLong(LvsConnection::nanos));
        checks.sort(Comparator.comparingLong(HealthCheck::nanos));
        List<HealthCheckSummary> summaries = summarize(checks);
        Set<String> checked = new HashSet<>();
        summaries.forEach(h -> checked.add(h.server() + ":" + h.port()));
        List<VirtualService> services = services(conns, checked);
        List<LvsEvent> events = new LvsEventFinder(conns, summaries, services, REMOVAL_GRACE).find();
        return new LvsAnalysis(services, conns, summaries, events, List.copyOf(problems));
    }

    private static Set<String> endpoints(List<Sighting> g) {
        Set<String> s = new HashSet<>();
        g.forEach(x -> s.add(x.endpoint()));
        return s;
    }

    /** The same connection in several captures (client NIC and director NIC) counts once. */
    private static List<Sighting> merge(List<TcpLeg> legs) {
        Map<String, List<TcpLeg>> byKey = new LinkedHashMap<>();
        for (TcpLeg l : legs) {
            byKey.computeIfAbsent(l.key() + "#" + l.isn, k -> new ArrayList<>()).add(l);
        }
        List<Sighting> out = new ArrayList<>();
        for (List<TcpLeg> l : byKey.values()) {
            TcpLeg best = l.getFirst();
            for (TcpLeg x : l) {
                if (x.packetsIn + x.packetsOut > best.packetsIn + best.packetsOut) {
                    best = x;
                }
            }
            out.add(new Sighting(best, l));
        }
        out.sort(Comparator.comparingLong(s -> s.leg.synNanos));
        return out;
    }

    /**
     * The director's own connects: addresses that only ever connect and close, never send data, and are not
     * clients of the virtual services. keepalived's TCP_CHECK looks exactly like that.
     */
    private static Set<String> checkers(List<Sighting> rest, Set<String> frontClients, Set<String> realServers,
                                        Set<String> vips) {
        Map<String, int[]> stats = new HashMap<>(); // [legs, with payload, connected]
        for (Sighting s : rest) {
            int[] st = stats.computeIfAbsent(s.leg.client, k -> new int[3]);
            st[0]++;
            if (!s.leg.noPayload()) {
                st[1]++;
            }
            if (s.leg.synAck && !vips.contains(s.endpoint())) {
                st[2]++;
            }
        }
        Set<String> out = new HashSet<>();
        stats.forEach((ip, st) -> {
            if (!frontClients.contains(ip) && st[1] == 0 && st[2] > 0 && (st[0] >= 2 || !realServers.isEmpty())) {
                out.add(ip);
            }
        });
        return out;
    }

    private static HealthCheck check(TcpLeg l) {
        String result = l.synAck ? "connected" : l.resetByServer ? "refused" : "no-answer";
        return new HealthCheck(l.synNanos, l.client, l.server, l.serverPort, l.synAck, result,
                new FrameRef(l.capture, l.synFrame));
    }

    private static LvsConnection connection(Sighting front, Sighting back) {
        TcpLeg f = front == null ? null : front.leg;
        TcpLeg b = back == null ? null : back.leg;
        TcpLeg stats = b != null ? b : f;
        String realServer = b != null ? b.server : null;
        int rport = b != null ? b.serverPort : 0;
        String outcome = outcome(stats);
        String note = null;
        if (f != null) {
            for (TcpLeg l : front.all) {
                if (!l.strayReplies.isEmpty()) {
                    TcpLeg.StrayReply r = l.strayReplies.getFirst();
                    outcome = "bypassed";
                    note = String.format("SYN/ACK from %s:%d instead of %s:%d (%s#%d)%s; %d such repl%s", r.from(),
                            r.fromPort(), f.server, f.serverPort, l.capture, r.frame(),
                            r.clientReset() ? ", reset by the client (" + l.capture + "#" + r.resetFrame() + ")" : "",
                            l.strayReplies.size(), l.strayReplies.size() == 1 ? "y" : "ies");
                    if (realServer == null) {
                        realServer = r.from();
                        rport = r.fromPort();
                    }
                }
            }
            if (!f.synAck && !outcome.equals("bypassed")) {
                outcome = outcome(f);
            }
        }
        String request = f != null && f.httpRequest != null ? f.httpRequest : b != null ? b.httpRequest : null;
        int status = f != null && f.httpStatus != 0 ? f.httpStatus : b != null ? b.httpStatus : 0;
        return new LvsConnection(stats.client, stats.clientPort, f != null ? f.server : null,
                f != null ? f.serverPort : 0, realServer, rport, Math.min(f != null ? f.synNanos : Long.MAX_VALUE,
                b != null ? b.synNanos : Long.MAX_VALUE),
                f != null ? new FrameRef(f.capture, f.synFrame) : null,
                b != null ? new FrameRef(b.capture, b.synFrame) : null, request, status, outcome, note,
                stats.packetsIn, stats.packetsOut, stats.bytesIn, stats.bytesOut);
    }

    private static String outcome(TcpLeg l) {
        if (l.synAck) {
            return "ok";
        }
        return l.resetByServer ? "refused" : "no-answer";
    }

    private static List<HealthCheckSummary> summarize(List<HealthCheck> checks) {
        Map<String, List<HealthCheck>> by = new TreeMap<>();
        checks.forEach(c -> by.computeIfAbsent(c.server() + ":" + c.port(), k -> new ArrayList<>()).add(c));
        List<HealthCheckSummary> out = new ArrayList<>();
        for (List<HealthCheck> l : by.values()) {
            int ok = (int) l.stream().filter(HealthCheck::ok).count();
            out.add(new HealthCheckSummary(l.getFirst().server(), l.getFirst().port(), l.getFirst().checker(),
                    l.size(), ok, l.size() - ok, List.copyOf(l)));
        }
        return out;
    }

    /** Groups connections by virtual service and sums them per real server, as ipvsadm --stats prints them. */
    private static List<VirtualService> services(List<LvsConnection> conns, Set<String> checked) {
        Map<String, List<LvsConnection>> bySvc = new TreeMap<>();
        for (LvsConnection c : conns) {
            String key = c.vip() != null ? c.vip() + ":" + c.vport() : "?:" + c.rport();
            bySvc.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<VirtualService> out = new ArrayList<>();
        for (List<LvsConnection> l : bySvc.values()) {
            Map<String, List<LvsConnection>> byRs = new TreeMap<>();
            for (LvsConnection c : l) {
                if (c.realServer() != null) {
                    byRs.computeIfAbsent(c.realServer() + ":" + c.rport(), k -> new ArrayList<>()).add(c);
                }
            }
            boolean anyChecked = byRs.keySet().stream().anyMatch(checked::contains);
            List<RealServerStats> rs = new ArrayList<>();
            List<LvsConnection> scheduled = new ArrayList<>();
            for (Map.Entry<String, List<LvsConnection>> e : byRs.entrySet()) {
                List<LvsConnection> cl = e.getValue();
                boolean sorry = anyChecked && !checked.contains(e.getKey());
                rs.add(new RealServerStats(cl.getFirst().realServer(), cl.getFirst().rport(), "Masq", cl.size(),
                        cl.stream().mapToLong(LvsConnection::packetsIn).sum(),
                        cl.stream().mapToLong(LvsConnection::packetsOut).sum(),
                        cl.stream().mapToLong(LvsConnection::bytesIn).sum(),
                        cl.stream().mapToLong(LvsConnection::bytesOut).sum(), sorry));
                if (!sorry) {
                    scheduled.addAll(cl);
                }
            }
            scheduled.sort(Comparator.comparingLong(LvsConnection::nanos));
            SchedulerGuess g = SchedulerGuess.of(SchedulerGuess.servers(scheduled));
            LvsConnection f = l.getFirst();
            out.add(new VirtualService(f.vip(), f.vip() != null ? f.vport() : f.rport(), "TCP", g.name(), g.detail(),
                    l.size(), l.stream().mapToLong(LvsConnection::packetsIn).sum(),
                    l.stream().mapToLong(LvsConnection::packetsOut).sum(),
                    l.stream().mapToLong(LvsConnection::bytesIn).sum(),
                    l.stream().mapToLong(LvsConnection::bytesOut).sum(), List.copyOf(rs)));
        }
        return out;
    }
}
