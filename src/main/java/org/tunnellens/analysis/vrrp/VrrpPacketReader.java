package org.tunnellens.analysis.vrrp;

import java.util.ArrayList;
import java.util.List;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.proto.Arp;
import org.tunnellens.dissect.proto.Checksums;
import org.tunnellens.dissect.DecodeConfig;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.proto.Ethernet;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.proto.Ipv6;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.proto.Vrrp;

/** Pulls VRRP adverts and gratuitous ARPs out of one capture. */
final class VrrpPacketReader {
    private final List<VrrpAdvert> adverts = new ArrayList<>();
    private final List<GratuitousArp> arps = new ArrayList<>();

    List<VrrpAdvert> adverts() {
        return adverts;
    }

    List<GratuitousArp> gratuitousArps() {
        return arps;
    }

    void read(CaptureFile file, String name, DecodeConfig decode) {
        PacketDissector dissector = new PacketDissector(file, decode);
        for (int i = 0; i < file.packetCount(); i++) {
            Dissection d = dissector.dissect(i);
            int vrrp = d.last(Vrrp.PROTO);
            if (vrrp >= 0) {
                VrrpAdvert a = advert(d, vrrp, name);
                if (a != null) {
                    adverts.add(a);
                }
            } else if (d.has(Arp.ISGRATUITOUS)) {
                String ip = FieldFormatter.value(d, d.last(Arp.SRC_PROTO_IPV4));
                arps.add(new GratuitousArp(d.timestampNanos(), segment(d, ip, false), ip,
                        FieldFormatter.value(d, d.last(Arp.SRC_HW_MAC)), (int) d.firstValue(Arp.OPCODE, 0),
                        new FrameRef(name, d.frameNumber())));
            }
        }
    }

    private static VrrpAdvert advert(Dissection d, int vrrpOcc, String name) {
        int layer = d.layerOf(vrrpOcc);
        if ((d.flags(vrrpOcc) & Dissection.FLAG_MALFORMED) != 0 || valueAfter(d, Vrrp.TYPE, vrrpOcc) != 1) {
            return null;
        }
        boolean v6 = d.last(Ipv6.SRC) > d.last(Ipv4.SRC);
        int srcOcc = d.last(v6 ? Ipv6.SRC : Ipv4.SRC);
        if (srcOcc < 0) {
            return null;
        }
        String ip = FieldFormatter.value(d, srcOcc);
        int macOcc = d.last(Ethernet.SRC);
        String mac = macOcc >= 0 && macOcc < vrrpOcc ? FieldFormatter.mac(d.value(macOcc)) : null;
        int version = (int) valueAfter(d, Vrrp.VERSION, vrrpOcc);
        int intervalMillis = version == 3 ? (int) valueAfter(d, Vrrp.MAX_ADVER_INT, vrrpOcc) * 10
                : (int) valueAfter(d, Vrrp.ADVER_INT, vrrpOcc) * 1000;
        int authType = version == 3 ? -1 : (int) valueAfter(d, Vrrp.AUTH_TYPE, vrrpOcc);
        String authText = null;
        List<String> addresses = new ArrayList<>();
        String checksum = "unverified";
        for (int o = vrrpOcc + 1; o < d.count() && d.layerOf(o) == layer; o++) {
            FieldDef f = d.field(o);
            if (f == Vrrp.IP_ADDR || f == Vrrp.IPV6_ADDR) {
                addresses.add(FieldFormatter.value(d, o));
            } else if (f == Vrrp.AUTH_STRING) {
                authText = FieldFormatter.value(d, o);
            } else if (f == Vrrp.CHECKSUM_STATUS) {
                checksum = d.value(o) == Checksums.GOOD ? "good" : "bad";
            }
        }
        int ttlOcc = d.last(v6 ? Ipv6.HLIM : Ipv4.TTL);
        return new VrrpAdvert(d.timestampNanos(), segment(d, ip, v6), ip, mac, version,
                (int) valueAfter(d, Vrrp.VRID, vrrpOcc), (int) valueAfter(d, Vrrp.PRIO, vrrpOcc), intervalMillis,
                authType, authText, List.copyOf(addresses), checksum, ttlOcc < 0 ? -1 : (int) d.value(ttlOcc),
                new FrameRef(name, d.frameNumber()));
    }

    private static long valueAfter(Dissection d, FieldDef f, int from) {
        int o = d.next(f, from);
        return o < 0 ? -1 : d.value(o);
    }

    /** The interface the packet was captured on, or the sender's /24 (/64) when the file names no interface. */
    static String segment(Dissection d, String ip, boolean v6) {
        String iface = d.interfaceName();
        if (iface != null && !iface.isBlank() && !iface.equals("-")) {
            return iface;
        }
        return v6 ? ipv6Prefix(ip) : ipv4Prefix(ip);
    }

    static String ipv4Prefix(String ip) {
        int dot = ip.lastIndexOf('.');
        return dot < 0 ? ip : ip.substring(0, dot) + ".0/24";
    }

    private static String ipv6Prefix(String ip) {
        // the first four groups of the address as printed; "::" inside them means zeros that are not written
        String[] parts = ip.split(":", -1);
        int dbl = ip.indexOf("::");
        if (dbl >= 0 && ip.substring(0, dbl).split(":").length < 4) {
            String head = ip.substring(0, dbl);
            return (head.isEmpty() ? "" : head) + "::/64";
        }
        return String.join(":", parts[0], parts[1], parts[2], parts[3]) + "::/64";
    }
}
