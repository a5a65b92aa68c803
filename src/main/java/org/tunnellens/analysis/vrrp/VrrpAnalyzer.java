package org.tunnellens.analysis.vrrp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.DecodeConfig;

/**
 * Rebuilds what keepalived's VRRP did from the adverts on the wire: per segment and VRID the master timeline,
 * takeovers, resignations, pre-emptions, split brain, silent masters, gratuitous ARPs and configuration
 * disagreements. Only a master sends adverts, so "who advertised when" is the master timeline.
 */
public final class VrrpAnalyzer {
    private final DecodeConfig decode;

    public VrrpAnalyzer() {
        this(DecodeConfig.defaults());
    }

    /** Reads captures decoded as the configuration says (VXLAN on an odd port, say). */
    public VrrpAnalyzer(DecodeConfig decode) {
        this.decode = decode;
    }

    /** GARPs further apart than this belong to different bursts (keepalived repeats its burst after 5 s). */
    private static final long GARP_BURST_GAP = 2_000_000_000L;

    private final List<VrrpAdvert> adverts = new ArrayList<>();
    private final List<GratuitousArp> arps = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long captureEnd = Long.MIN_VALUE;

    /** Reads one capture; a file that cannot be opened or is cut short is reported in {@code problems}. */
    public VrrpAnalyzer add(Path path) {
        try (CaptureFile file = CaptureFile.open(path)) {
            add(file, path.getFileName().toString());
        } catch (CaptureException e) {
            problems.add(e.getMessage());
        }
        return this;
    }

    public VrrpAnalyzer add(CaptureFile file, String name) {
        VrrpPacketReader reader = new VrrpPacketReader();
        reader.read(file, name, decode);
        adverts.addAll(reader.adverts());
        arps.addAll(reader.gratuitousArps());
        if (file.packetCount() > 0) {
            captureEnd = Math.max(captureEnd, file.index().timestampNanos(file.packetCount() - 1));
        }
        if (file.problem() != null) {
            problems.add(file.problem().message());
        }
        return this;
    }

    public static VrrpAnalysis analyze(List<Path> paths) {
        return analyze(paths, DecodeConfig.defaults());
    }

    public static VrrpAnalysis analyze(List<Path> paths, DecodeConfig decode) {
        VrrpAnalyzer a = new VrrpAnalyzer(decode);
        paths.forEach(a::add);
        return a.analyze();
    }

    public VrrpAnalysis analyze() {
        Map<String, List<VrrpAdvert>> byRouter = new TreeMap<>();
        for (VrrpAdvert a : deduplicate(adverts)) {
            String family = a.ip().contains(":") ? "ipv6" : "ipv4";
            byRouter.computeIfAbsent(a.segment() + "|" + family + "|" + String.format("%03d", a.vrid()),
                    k -> new ArrayList<>()).add(a);
        }
        List<VirtualRouter> routers = new ArrayList<>();
        List<VrrpEvent> events = new ArrayList<>();
        for (List<VrrpAdvert> list : byRouter.values()) {
            list.sort(Comparator.comparingLong(VrrpAdvert::nanos));
            VirtualRouterTimeline timeline = new VirtualRouterTimeline(list, captureEnd);
            routers.add(timeline.router());
            events.addAll(timeline.events());
        }
        List<GratuitousArp> garps = deduplicateArps(arps);
        events.addAll(garpEvents(garps, routers, events));
        events.sort(Comparator.comparingLong(VrrpEvent::nanos).thenComparingInt(VrrpEvent::vrid)
                .thenComparing(e -> e.type().ordinal()));
        return new VrrpAnalysis(List.copyOf(routers), List.copyOf(events), garps, List.copyOf(problems));
    }

    /** The same advert captured on two hosts of one segment counts once (the earliest sighting). */
    private static List<VrrpAdvert> deduplicate(List<VrrpAdvert> all) {
        List<VrrpAdvert> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingLong(VrrpAdvert::nanos));
        Map<String, VrrpAdvert> lastSeen = new HashMap<>();
        List<VrrpAdvert> out = new ArrayList<>();
        for (VrrpAdvert a : sorted) {
            String key = a.segment() + "|" + a.vrid() + "|" + a.ip() + "|" + a.priority();
            VrrpAdvert prev = lastSeen.get(key);
            long window = Math.min(100_000_000L, a.intervalMillis() * 250_000L);
            if (prev != null && a.nanos() - prev.nanos() < window
                    && !prev.packet().capture().equals(a.packet().capture())) {
                continue;
            }
            lastSeen.put(key, a);
            out.add(a);
        }
        return out;
    }

    private static List<GratuitousArp> deduplicateArps(List<GratuitousArp> all) {
        List<GratuitousArp> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingLong(GratuitousArp::nanos));
        List<GratuitousArp> out = new ArrayList<>();
        Map<String, GratuitousArp> last = new HashMap<>();
        for (GratuitousArp g : sorted) {
            String key = g.segment() + "|" + g.ip() + "|" + g.mac();
            GratuitousArp prev = last.get(key);
            if (prev != null && g.nanos() - prev.nanos() < 1_000_000L
                    && !prev.packet().capture().equals(g.packet().capture())) {
                continue; // one GARP seen by two captures of the segment
            }
            last.put(key, g);
            out.add(g);
        }
        return out;
    }

    /** One event per burst of gratuitous ARPs for a VIP, tied to the takeover it follows if there is one. */
    private static List<VrrpEvent> garpEvents(List<GratuitousArp> garps, List<VirtualRouter> routers,
                                              List<VrrpEvent> events) {
        Map<String, VirtualRouter> byVip = new LinkedHashMap<>();
        Map<String, String> ipByMac = new HashMap<>();
        for (VirtualRouter r : routers) {
            for (String vip : r.vips()) {
                byVip.merge(vip, r, (a, b) -> a.segment().equals(VrrpPacketReader.ipv4Prefix(vip)) ? a : b);
            }
            for (VrrpSpeaker s : r.speakers()) {
                if (s.mac() != null) {
                    ipByMac.put(s.mac(), s.ip());
                }
            }
        }
        Map<String, List<GratuitousArp>> bursts = new LinkedHashMap<>();
        Map<String, Long> lastOf = new HashMap<>();
        List<List<GratuitousArp>> ordered = new ArrayList<>();
        for (GratuitousArp g : garps) {
            if (!byVip.containsKey(g.ip())) {
                continue;
            }
            String key = g.ip() + "|" + g.mac();
            Long last = lastOf.get(key);
            List<GratuitousArp> burst = bursts.get(key);
            if (burst == null || g.nanos() - last > GARP_BURST_GAP) {
                burst = new ArrayList<>();
                bursts.put(key, burst);
                ordered.add(burst);
            }
            burst.add(g);
            lastOf.put(key, g.nanos());
        }
        List<VrrpEvent> out = new ArrayList<>();
        for (List<GratuitousArp> burst : ordered) {
            GratuitousArp g = burst.getFirst();
            VirtualRouter r = byVip.get(g.ip());
            String owner = ipByMac.get(g.mac());
            VrrpEvent became = null;
            for (VrrpEvent e : events) {
                if (e.vrid() == r.vrid() && e.segment().equals(r.segment()) && e.nanos() <= g.nanos()
                        && (e.type() == VrrpEventType.TAKEOVER || e.type() == VrrpEventType.PREEMPT)
                        && Objects.equals(e.to(), owner)) {
                    became = e;
                }
            }
            StringBuilder detail = new StringBuilder();
            detail.append(burst.size()).append(" gratuitous ARP").append(burst.size() == 1 ? "" : "s").append(" for VIP ")
                    .append(g.ip()).append(" from ").append(g.mac());
            detail.append(owner != null ? " (router " + owner + ")" : " (not the MAC of any advertising router)");
            if (became != null) {
                detail.append(String.format(", %.3f s after it became master", (g.nanos() - became.nanos()) / 1e9));
            }
            out.add(new VrrpEvent(VrrpEventType.GARP, g.nanos(), r.vrid(), r.segment(), g.mac(), g.ip(),
                    Double.NaN, detail.toString(), burst.stream().map(GratuitousArp::packet).toList()));
        }
        return out;
    }

    static List<String> distinct(List<String> l) {
        return List.copyOf(new LinkedHashSet<>(l));
    }
}
