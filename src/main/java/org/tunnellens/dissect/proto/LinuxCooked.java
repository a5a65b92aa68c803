package org.tunnellens.dissect.proto;

import org.tunnellens.capture.LinkType;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;

/** Linux "cooked" captures of {@code tcpdump -i any}: SLL v1 (16-byte header) and SLL2 (20 bytes). */
public final class LinuxCooked extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("sll", "Linux cooked capture");
    public static final FieldDef PKTTYPE = F.uint("sll.pkttype", "Packet type", LinuxCooked::packetType);
    public static final FieldDef HATYPE = F.uint("sll.hatype", "Link-layer address type");
    public static final FieldDef HALEN = F.uint("sll.halen", "Link-layer address length");
    public static final FieldDef SRC_ETH = F.ether("sll.src.eth", "Source").sourceColumn();
    public static final FieldDef ETYPE = F.hex("sll.etype", "Protocol", 16, EtherTypes::name);
    public static final FieldDef IFINDEX = F.uint("sll.ifindex", "Interface index");
    public static final LinuxCooked V1 = new LinuxCooked(false);
    public static final LinuxCooked V2 = new LinuxCooked(true);

    private final boolean v2;

    private LinuxCooked(boolean v2) {
        super(F);
        this.v2 = v2;
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.linkType(LinkType.LINUX_SLL, V1);
        h.linkType(LinkType.LINUX_SLL2, V2);
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        int hdr = v2 ? 20 : 16;
        if (end - off < hdr) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        d.beginLayer(PROTO, off, hdr);
        int proto;
        int pktType;
        int haType;
        int haLen;
        int addr;
        if (v2) {
            proto = d.u16(off);
            d.add(ETYPE, off, 2, proto);
            d.add(IFINDEX, off + 4, 4, d.u32(off + 4));
            haType = d.u16(off + 8);
            pktType = d.u8(off + 10);
            haLen = d.u8(off + 11);
            addr = off + 12;
            d.add(HATYPE, off + 8, 2, haType);
            d.add(PKTTYPE, off + 10, 1, pktType);
            d.add(HALEN, off + 11, 1, haLen);
        } else {
            pktType = d.u16(off);
            haType = d.u16(off + 2);
            haLen = d.u16(off + 4);
            addr = off + 6;
            proto = d.u16(off + 14);
            d.add(PKTTYPE, off, 2, pktType);
            d.add(HATYPE, off + 2, 2, haType);
            d.add(HALEN, off + 4, 2, haLen);
        }
        if (haLen == 6 && (haType == 1 || haType == 772)) {
            d.add(SRC_ETH, addr, 6, d.u48(addr));
        }
        if (!v2) {
            d.add(ETYPE, off + 14, 2, proto);
        }
        EtherTypes.dispatch(d, proto, off + hdr, end);
    }

    static String packetType(long t) {
        return switch ((int) t) {
            case 0 -> "Unicast to us";
            case 1 -> "Broadcast";
            case 2 -> "Multicast";
            case 3 -> "Unicast to another host";
            case 4 -> "Sent by us";
            default -> null;
        };
    }
}
