package org.tunnellens.analysis.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.proto.Ethernet;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.Frame;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.proto.Ipv6;
import org.tunnellens.dissect.proto.Udp;
import org.tunnellens.dissect.proto.Vxlan;

/**
 * Per VXLAN Network Identifier: the UDP port(s) it travelled on, packets and bytes, the VTEP pairs (outer IPv4
 * source to destination), and what the overlay carried: inner MACs, inner IPs and inner protocol stacks. Each
 * packet counts for the first (outermost) VNI it carries.
 */
public final class VniTable {

    /** Everything seen for one VNI. */
    public static final class Entry {
        final long vni;
        long packets;
        long bytes;
        final TreeSet<Long> udpPorts = new TreeSet<>();
        final Map<String, Long> vteps = new TreeMap<>();
        final TreeSet<String> innerMacs = new TreeSet<>();
        final TreeSet<String> innerIps = new TreeSet<>();
        final Map<String, Long> innerProtocols = new TreeMap<>();

        Entry(long vni) {
            this.vni = vni;
        }

        public long vni() {
            return vni;
        }

        public long packets() {
            return packets;
        }

        public long bytes() {
            return bytes;
        }

        public Map<String, Long> vteps() {
            return vteps;
        }

        public TreeSet<String> innerMacs() {
            return innerMacs;
        }

        public TreeSet<String> innerIps() {
            return innerIps;
        }

        public TreeSet<Long> udpPorts() {
            return udpPorts;
        }

        public Map<String, Long> innerProtocols() {
            return innerProtocols;
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vni", vni);
            m.put("vni_hex", String.format("0x%06x", vni));
            m.put("udp_ports", new ArrayList<>(udpPorts));
            m.put("packets", packets);
            m.put("bytes", bytes);
            List<Map<String, Object>> pairs = new ArrayList<>();
            vteps.forEach((k, v) -> {
                String[] ab = k.split(" -> ");
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("src", ab[0]);
                p.put("dst", ab[1]);
                p.put("packets", v);
                pairs.add(p);
            });
            m.put("vtep_pairs", pairs);
            m.put("inner_macs", new ArrayList<>(innerMacs));
            m.put("inner_ips", new ArrayList<>(innerIps));
            m.put("inner_protocols", innerProtocols);
            return m;
        }
    }

    private final Map<Long, Entry> byVni = new TreeMap<>();

    public void add(Dissection d) {
        int vniOcc = d.first(Vxlan.VNI);
        if (vniOcc < 0) {
            return;
        }
        int vxLayer = d.layerOf(vniOcc);
        Entry e = byVni.computeIfAbsent(d.value(vniOcc), Entry::new);
        e.packets++;
        e.bytes += d.originalLength();
        // the outer headers are the last IPv4 and UDP before the VXLAN header
        long src = -1;
        long dst = -1;
        long port = -1;
        for (int i = 0; i < vniOcc; i++) {
            FieldDef f = d.field(i);
            if (f == Ipv4.SRC) {
                src = d.value(i);
            } else if (f == Ipv4.DST) {
                dst = d.value(i);
            } else if (f == Udp.DSTPORT) {
                port = d.value(i);
            }
        }
        if (port >= 0) {
            e.udpPorts.add(port);
        }
        if (src >= 0 && dst >= 0) {
            e.vteps.merge(FieldFormatter.ipv4(src) + " -> " + FieldFormatter.ipv4(dst), 1L, Long::sum);
        }
        int innerDepth = d.layerDepth(vxLayer) + 1;
        StringBuilder stack = new StringBuilder();
        for (int l = vxLayer + 1; l < d.layerCount(); l++) {
            FieldDef p = d.layerProtocol(l);
            if (p.hidden() || p == Frame.PROTO || (d.flags(d.layerOccurrence(l)) & Dissection.FLAG_NOT_LISTED) != 0) {
                continue;
            }
            if (stack.length() > 0) {
                stack.append(':');
            }
            stack.append(p.abbrev());
        }
        for (int i = d.layerOccurrence(Math.min(vxLayer + 1, d.layerCount() - 1)); i < d.count(); i++) {
            if (d.layerOf(i) <= vxLayer || d.layerDepth(d.layerOf(i)) != innerDepth) {
                continue;
            }
            FieldDef f = d.field(i);
            if (f == Ethernet.SRC || f == Ethernet.DST) {
                e.innerMacs.add(FieldFormatter.mac(d.value(i)));
            } else if (f == Ipv4.SRC || f == Ipv4.DST || f == Ipv6.SRC || f == Ipv6.DST) {
                e.innerIps.add(FieldFormatter.value(d, i));
            }
        }
        if (stack.length() > 0) {
            e.innerProtocols.merge(stack.toString(), 1L, Long::sum);
        }
    }

    public List<Entry> entries() {
        return new ArrayList<>(byVni.values());
    }

    public List<Map<String, Object>> toJson() {
        return byVni.values().stream().map(Entry::toJson).toList();
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : byVni.values()) {
            sb.append(String.format("VNI %d (0x%06x)  UDP port %s  %d packets  %d bytes%n", e.vni, e.vni,
                    join(e.udpPorts), e.packets, e.bytes));
            e.vteps.forEach((k, v) -> sb.append("  VTEPs      ").append(k).append("  (").append(v)
                    .append(" packets)\n"));
            sb.append("  inner MACs ").append(String.join(", ", e.innerMacs)).append('\n');
            sb.append("  inner IPs  ").append(String.join(", ", e.innerIps)).append('\n');
            e.innerProtocols.forEach((k, v) -> sb.append("  carries    ").append(k).append("  (").append(v)
                    .append(" packets)\n"));
        }
        return sb.toString();
    }

    private static String join(TreeSet<Long> s) {
        return String.join(",", s.stream().map(String::valueOf).toList());
    }
}
