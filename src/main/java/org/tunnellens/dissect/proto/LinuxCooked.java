package org.tunnellens.dissect.proto;

import org.tunnellens.capture.LinkType;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.TcpdumpPrinter;
import org.tunnellens.dissect.column.FieldFormatter;

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

    /**
     * tcpdump's cooked-capture print: SLL2 names the interface (by its index on this machine, as tcpdump looks it up,
     * "?" when there is none) and the direction; {@code -e} adds the address, the protocol and the length.
     */
    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        int pkt = d.nextInLayer(PKTTYPE, occ);
        String dir = pkt < 0 ? "?" : switch ((int) d.value(pkt)) {
            case 0 -> "In";
            case 1 -> "B";
            case 2 -> "M";
            case 3 -> "P";
            case 4 -> "Out";
            default -> "?";
        };
        int ifindex = d.nextInLayer(IFINDEX, occ);
        if (ifindex >= 0) {
            pad(sb, interfaceName(d.value(ifindex)), 5);
            pad(sb, dir, 3);
        } else if (t.linkHeaders()) {
            sb.append(" ".repeat(Math.max(0, 3 - dir.length()))).append(dir).append(' ');
        }
        if (t.linkHeaders()) {
            if (ifindex >= 0) {
                sb.append("ifindex ").append(d.value(ifindex)).append(' ');
            }
            int src = d.nextInLayer(SRC_ETH, occ);
            if (src >= 0) {
                sb.append(FieldFormatter.mac(d.value(src))).append(' ');
            }
            int type = d.nextInLayer(ETYPE, occ);
            if (type >= 0) {
                sb.append("ethertype ").append(TcpdumpPrinter.ethertypeName(d.value(type))).append(" (");
                FieldFormatter.appendHex(sb, d.value(type), 4);
                sb.append("), length ").append(t.frameLength()).append(": ");
            }
            t.setLinkPrinted();
        }
        t.print(t.nextShown(layer + 1));
        return true;
    }

    private static void pad(StringBuilder sb, String s, int width) {
        sb.append(s).append(" ".repeat(Math.max(0, width - s.length()))).append(' ');
    }

    /**
     * The interface with this index on this machine, as tcpdump's {@code if_indextoname} finds it (a capture read
     * elsewhere names this machine's interfaces, exactly as tcpdump does), or "?".
     */
    private static String interfaceName(long index) {
        return LocalInterfaces.NAMES.getOrDefault(index, "?");
    }

    /** Index to name of this machine's interfaces, read once from {@code /sys/class/net}. */
    private static final class LocalInterfaces {
        static final java.util.Map<Long, String> NAMES = read();

        private static java.util.Map<Long, String> read() {
            java.util.Map<Long, String> m = new java.util.HashMap<>();
            java.nio.file.Path dir = java.nio.file.Path.of("/sys/class/net");
            try (var list = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) list::iterator) {
                    try {
                        m.put(Long.parseLong(java.nio.file.Files.readString(p.resolve("ifindex")).strip()),
                                p.getFileName().toString());
                    } catch (java.io.IOException | NumberFormatException e) {
                        // an interface that went away while listed, or not a device: not named
                    }
                }
            } catch (java.io.IOException e) {
                // not Linux: no names, as tcpdump there
            }
            return m;
        }
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
