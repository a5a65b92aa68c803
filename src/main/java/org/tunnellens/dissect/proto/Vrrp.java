package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.TcpdumpPrinter;

/**
 * VRRP v2 (RFC 3768) and v3 (RFC 5798), IP protocol 112. Priority 0 means the master is resigning, 255 that the
 * router owns the addresses; v2 "simple text" authentication carries the password in clear.
 */
public final class Vrrp extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("vrrp", "Virtual Router Redundancy Protocol");
    public static final FieldDef VER_TYPE = F.hex("vrrp.typever", "Version, Packet type", 8);
    public static final FieldDef VERSION = F.uint("vrrp.version", "Version");
    public static final FieldDef TYPE = F.uint("vrrp.type", "Packet type", t -> t == 1 ? "Advertisement" : null);
    public static final FieldDef VRID = F.uint("vrrp.virt_rtr_id", "Virtual Rtr ID");
    public static final FieldDef PRIO = F.uint("vrrp.prio", "Priority", Vrrp::priorityName);
    public static final FieldDef ADDR_COUNT = F.uint("vrrp.addr_count", "Addr Count");
    public static final FieldDef AUTH_TYPE = F.uint("vrrp.auth_type", "Auth Type", Vrrp::authName);
    public static final FieldDef ADVER_INT = F.uint("vrrp.adver_int", "Adver Int");
    public static final FieldDef MAX_ADVER_INT = F.uint("vrrp.max_adver_int", "Max Adver Int");
    public static final FieldDef CHECKSUM = F.hex("vrrp.checksum", "Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = F.uint("vrrp.checksum.status", "Checksum Status",
            Checksums::statusName);
    public static final FieldDef IP_ADDR = F.ipv4("vrrp.ip_addr", "IP Address");
    public static final FieldDef IPV6_ADDR = F.ipv6("vrrp.ipv6_addr", "IPv6 Address");
    public static final FieldDef AUTH_STRING = F.string("vrrp.auth_string", "Authentication String");
    public static final Vrrp INSTANCE = new Vrrp();

    private Vrrp() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ipProtocol(112, this);
    }

    @Override
    public boolean appendInfo(Dissection d, int occ, PassResults pass, StringBuilder sb) {
        int v = d.next(VERSION, occ);
        sb.append("Announcement (v").append(v < 0 ? 0 : d.value(v)).append(')');
        return true;
    }

    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        long version = d.value(d.next(VERSION, occ));
        StringBuilder sb = t.out();
        sb.append(t.source()).append(" > ").append(t.destination()).append(": VRRPv").append(version)
                .append(", Advertisement, vrid ").append(d.value(d.next(VRID, occ))).append(", prio ")
                .append(d.value(d.next(PRIO, occ)));
        if (version == 2) {
            long auth = d.value(d.next(AUTH_TYPE, occ));
            sb.append(", authtype ").append(auth == 0 ? "none" : auth == 1 ? "simple" : auth == 2 ? "ah" : "unknown")
                    .append(", intvl ").append(d.value(d.next(ADVER_INT, occ))).append('s');
        } else {
            sb.append(", intvl ").append(d.value(d.next(MAX_ADVER_INT, occ))).append("cs");
        }
        sb.append(", length ").append(d.length(occ));
        return true;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 8) {
            decodeShort(d, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, end - off);
        int vt = d.u8(off);
        int version = vt >>> 4;
        int vtOcc = d.add(VER_TYPE, off, 1, vt);
        d.add(VERSION, off, 1, version, vtOcc);
        d.add(TYPE, off, 1, vt & 0x0f, vtOcc);
        d.add(VRID, off + 1, 1, d.u8(off + 1));
        d.add(PRIO, off + 2, 1, d.u8(off + 2));
        int count = d.u8(off + 3);
        d.add(ADDR_COUNT, off + 3, 1, count);
        boolean v6 = d.ipVersion() == 6;
        int addrLen = v6 ? 16 : 4;
        // RFC 3768 always reserves 8 bytes of authentication data, but only simple-text auth needs them to be
        // there: Wireshark reads them for that type alone, and real senders omit them otherwise
        int need = 8 + count * addrLen + (version == 2 && d.u8(off + 4) == 1 ? 8 : 0);
        if (version == 3) {
            d.add(MAX_ADVER_INT, off + 4, 2, d.u16(off + 4) & 0x0fff);
        } else {
            d.add(AUTH_TYPE, off + 4, 1, d.u8(off + 4));
            d.add(ADVER_INT, off + 5, 1, d.u8(off + 5));
        }
        int cs = d.add(CHECKSUM, off + 6, 2, d.u16(off + 6));
        int p = off + 8;
        for (int i = 0; i < count && p + addrLen <= end; i++, p += addrLen) {
            if (v6) {
                d.add(IPV6_ADDR, p, 16, 0);
            } else {
                d.add(IP_ADDR, p, 4, d.u32(p));
            }
        }
        if (end - off < need) {
            d.flag(occ, Malformed.cutFlag(d, end));
            return;
        }
        if (version == 2 && d.u8(off + 4) == 1) {
            int len = 0;
            while (len < 8 && d.u8(p + len) != 0) {
                len++;
            }
            d.add(AUTH_STRING, p, len, 0);
        }
        if (d.capturedLength() >= d.originalLength() && !d.inIcmpError()) {
            int len = end - off;
            long initial = version == 3 ? Checksums.pseudoHeader(d, 112, len) : 0;
            Checksums.verify(d, off, len, initial, CHECKSUM_STATUS, cs);
        }
    }

    static String priorityName(long p) {
        return p == 0 ? "Current Master has stopped participating in VRRP"
                : p == 255 ? "Owner of the IP address" : p == 100 ? "Default priority for a backup VRRP router"
                : "Non-default backup priority";
    }

    static String authName(long a) {
        return switch ((int) a) {
            case 0 -> "No Authentication";
            case 1 -> "Simple Text Authentication [RFC 2338] / Reserved [RFC 3768]";
            case 2 -> "IP Authentication Header [RFC 2338] / Reserved [RFC 3768]";
            default -> null;
        };
    }

    /** A header cut before its checksum: tshark still shows the fields that fit, then "Malformed". */
    private static void decodeShort(Dissection d, int off, int end) {
        Malformed.mark(d, PROTO, off, end);
        int n = end - off;
        if (n >= 1) {
            int vt = d.u8(off);
            int vtOcc = d.add(VER_TYPE, off, 1, vt);
            d.add(VERSION, off, 1, vt >>> 4, vtOcc);
            d.add(TYPE, off, 1, vt & 0x0f, vtOcc);
        }
        if (n >= 2) {
            d.add(VRID, off + 1, 1, d.u8(off + 1));
        }
        if (n >= 3) {
            d.add(PRIO, off + 2, 1, d.u8(off + 2));
        }
        if (n >= 4) {
            d.add(ADDR_COUNT, off + 3, 1, d.u8(off + 3));
        }
    }
}
