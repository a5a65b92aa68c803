package org.tunnellens.analysis.vnimap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tunnellens.analysis.correlation.CorrelationReport;
import org.tunnellens.analysis.correlation.FrameKind;
import org.tunnellens.analysis.correlation.FrameLocator;
import org.tunnellens.analysis.correlation.LocatedFrame;
import org.tunnellens.capture.CaptureFile;

/**
 * The configured segments held against the VXLAN on the wire: one row per VNI (configured or seen) and the
 * mismatches a student should look at.
 */
public final class VniMapReport {
    /** What the captures show of one VNI. */
    public static final class Seen {
        public int packets;
        public final TreeSet<String> vtepPairs = new TreeSet<>();
        public final TreeSet<Integer> ports = new TreeSet<>();
    }

    /** One table row: the VNI (decimal and hex), what configuration says of it, what the wire shows. */
    public record Row(int vni, String vniHex, List<String> networks, Map<String, Integer> localVlanByHost,
                      List<String> expectedVtepPairs, List<Integer> configuredPorts, Seen seen) {
    }

    /** kind: vni-not-expected, vni-not-seen, vtep-mismatch, port-mismatch. */
    public record Finding(String kind, int vni, String message) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    public List<Row> rows() {
        return rows;
    }

    public List<Finding> findings() {
        return findings;
    }

    public static Map<Integer, Seen> observe(List<CaptureFile> captures) {
        return observe(captures, org.tunnellens.dissect.DecodeConfig.defaults());
    }

    /** The VNIs the captures carry, VXLAN found where the decode configuration says. */
    public static Map<Integer, Seen> observe(List<CaptureFile> captures, org.tunnellens.dissect.DecodeConfig decode) {
        Map<Integer, Seen> seen = new TreeMap<>();
        LocatedFrame f = new LocatedFrame();
        for (CaptureFile c : captures) {
            FrameLocator loc = new FrameLocator(c, decode);
            for (int i = 0; i < c.packetCount(); i++) {
                if (loc.locate(i, f).kind() != FrameKind.VXLAN) {
                    continue;
                }
                Seen s = seen.computeIfAbsent(f.vni(), k -> new Seen());
                s.packets++;
                s.vtepPairs.add(CorrelationReport.ipv4(f.outerSrc()) + ">" + CorrelationReport.ipv4(f.outerDst()));
                s.ports.add(f.udpPort());
            }
        }
        return seen;
    }

    public static VniMapReport build(List<SegmentFact> facts, Map<Integer, Seen> seen) {
        VniMapReport r = new VniMapReport();
        TreeSet<Integer> vnis = new TreeSet<>(seen.keySet());
        boolean anyConfigured = false;
        for (SegmentFact f : facts) {
            if (f.vni() >= 0) {
                vnis.add(f.vni());
                anyConfigured = true;
            }
        }
        for (int vni : vnis) {
            TreeSet<String> networks = new TreeSet<>();
            Map<String, Integer> vlans = new TreeMap<>();
            TreeSet<String> pairs = new TreeSet<>();
            TreeSet<Integer> ports = new TreeSet<>();
            boolean configured = false;
            for (SegmentFact f : facts) {
                // an OVS tunnel port with key=flow carries every VNI: its VTEPs and port hold for all rows
                boolean anyVni = f.vni() < 0;
                if (f.vni() != vni && !anyVni) {
                    continue;
                }
                configured |= !anyVni;
                if (f.network() != null && !anyVni) {
                    networks.add(f.network());
                }
                if (f.localVlan() >= 0) {
                    vlans.put(f.host() != null ? f.host() : f.source(), f.localVlan());
                }
                if (f.localIp() != null && f.remoteIp() != null) {
                    pairs.add(f.localIp() + ">" + f.remoteIp());
                    if (!isMulticast(f.remoteIp())) {
                        pairs.add(f.remoteIp() + ">" + f.localIp());
                    }
                }
                if (f.udpPort() > 0) {
                    ports.add(f.udpPort());
                }
            }
            Seen s = seen.getOrDefault(vni, new Seen());
            r.rows.add(new Row(vni, String.format("0x%x", vni), List.copyOf(networks), vlans, List.copyOf(pairs),
                    List.copyOf(ports), s));
            if (!configured && anyConfigured) {
                r.findings.add(new Finding("vni-not-expected", vni, "VNI " + vni + " is on the wire ("
                        + s.packets + " packets) but no configuration given names it"));
            }
            if (configured && s.packets == 0) {
                r.findings.add(new Finding("vni-not-seen", vni, "VNI " + vni + " is configured but never seen"));
            }
            if (!pairs.isEmpty()) {
                for (String p : s.vtepPairs) {
                    if (!pairs.contains(p)) {
                        r.findings.add(new Finding("vtep-mismatch", vni, "VNI " + vni + " travels " + p
                                + ", which no configured tunnel port (" + String.join(", ", pairs) + ") matches"));
                    }
                }
            }
            if (!ports.isEmpty()) {
                for (int p : s.ports) {
                    if (!ports.contains(p)) {
                        r.findings.add(new Finding("port-mismatch", vni, "VNI " + vni + " arrives on UDP " + p
                                + " but the configuration says " + ports));
                    }
                }
            }
        }
        return r;
    }

    private static boolean isMulticast(String ip) {
        int first = Integer.parseInt(ip.split("\\.")[0]);
        return first >= 224 && first <= 239;
    }
}
