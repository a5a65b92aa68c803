package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.TcpdumpPrinter;
import org.tunnellens.dissect.column.FieldFormatter;

/** ICMPv6 (RFC 4443): echo, neighbour discovery targets, and quoted packets of error messages. */
public final class Icmpv6 extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("icmpv6", "Internet Control Message Protocol v6");
    public static final FieldDef TYPE = F.uint("icmpv6.type", "Type", Icmpv6::typeName);
    public static final FieldDef CODE = F.uint("icmpv6.code", "Code");
    public static final FieldDef CHECKSUM = F.hex("icmpv6.checksum", "Checksum", 16);
    public static final FieldDef CHECKSUM_STATUS = F.uint("icmpv6.checksum.status", "Checksum Status",
            Checksums::statusName);
    public static final FieldDef ECHO_ID = F.hex("icmpv6.echo.identifier", "Identifier", 16);
    public static final FieldDef ECHO_SEQ = F.uint("icmpv6.echo.sequence_number", "Sequence");
    public static final FieldDef ND_TARGET = F.ipv6("icmpv6.nd.ns.target_address", "Target Address");
    public static final FieldDef ND_NA_TARGET = F.ipv6("icmpv6.nd.na.target_address", "Target Address");
    public static final Icmpv6 INSTANCE = new Icmpv6();

    private Icmpv6() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.ipProtocol(58, this);
    }

    /** tcpdump's icmp6_print for the messages a lab sees: echo and neighbour discovery. */
    @Override
    public boolean appendTcpdump(Dissection d, int layer, TcpdumpPrinter t) {
        int occ = d.layerOccurrence(layer);
        StringBuilder sb = t.out();
        sb.append(t.source()).append(" > ").append(t.destination()).append(": ICMP6, ");
        int type = (int) d.value(d.next(TYPE, occ));
        switch (type) {
            case 128, 129 -> {
                sb.append(type == 128 ? "echo request" : "echo reply");
                int id = d.nextInLayer(ECHO_ID, occ);
                int seq = d.nextInLayer(ECHO_SEQ, occ);
                if (id >= 0 && seq >= 0) {
                    sb.append(", id ").append(d.value(id)).append(", seq ").append(d.value(seq));
                }
            }
            case 133 -> sb.append("router solicitation");
            case 134 -> sb.append("router advertisement");
            case 135 -> {
                sb.append("neighbor solicitation");
                int target = d.nextInLayer(ND_TARGET, occ);
                if (target >= 0) {
                    sb.append(", who has ").append(FieldFormatter.value(d, target));
                }
            }
            case 136 -> {
                sb.append("neighbor advertisement");
                int target = d.nextInLayer(ND_NA_TARGET, occ);
                if (target >= 0) {
                    sb.append(", tgt is ").append(FieldFormatter.value(d, target));
                }
            }
            default -> sb.append("type-#").append(type);
        }
        sb.append(", length ").append(d.length(occ));
        return true;
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 4) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        d.beginLayer(PROTO, off, end - off);
        int type = d.u8(off);
        d.add(TYPE, off, 1, type);
        d.add(CODE, off + 1, 1, d.u8(off + 1));
        int cs = d.add(CHECKSUM, off + 2, 2, d.u16(off + 2));
        if (!d.inIcmpError() && d.capturedLength() >= d.originalLength() && d.ipVersion() == 6) {
            long pseudo = Checksums.pseudoHeader(d, 58, end - off);
            Checksums.verify(d, off, end - off, pseudo, CHECKSUM_STATUS, cs);
        }
        if (end - off < 8) {
            return;
        }
        switch (type) {
            case 128, 129 -> {
                d.add(ECHO_ID, off + 4, 2, d.u16(off + 4));
                d.add(ECHO_SEQ, off + 6, 2, d.u16(off + 6));
                d.then(Data.INSTANCE, off + 8, end);
            }
            case 135 -> {
                if (end - off >= 24) {
                    d.add(ND_TARGET, off + 8, 16, 0);
                }
            }
            case 136 -> {
                if (end - off >= 24) {
                    d.add(ND_NA_TARGET, off + 8, 16, 0);
                }
            }
            case 1, 2, 3, 4 -> {
                if (end - off > 8 && !d.inIcmpError()) {
                    d.setInIcmpError(true);
                    d.then(Ipv6.INSTANCE, off + 8, end);
                }
            }
            default -> {
            }
        }
    }

    static String typeName(long t) {
        return switch ((int) t) {
            case 1 -> "Destination Unreachable";
            case 2 -> "Packet Too Big";
            case 3 -> "Time Exceeded";
            case 4 -> "Parameter Problem";
            case 128 -> "Echo (ping) request";
            case 129 -> "Echo (ping) reply";
            case 133 -> "Router Solicitation";
            case 134 -> "Router Advertisement";
            case 135 -> "Neighbor Solicitation";
            case 136 -> "Neighbor Advertisement";
            case 137 -> "Redirect";
            case 143 -> "Multicast Listener Report Message v2";
            default -> null;
        };
    }
}
