package org.tunnellens.dissect.proto;

import org.tunnellens.capture.LinkType;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;

/** BSD loopback (LINKTYPE_NULL, host byte order) and OpenBSD loopback (LINKTYPE_LOOP, network order). */
public final class Loopback extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("null", "Null/Loopback");
    public static final FieldDef FAMILY = F.uint("null.family", "Family");
    public static final Loopback NULL = new Loopback(false);
    public static final Loopback LOOP = new Loopback(true);

    private final boolean networkOrder;

    private Loopback(boolean networkOrder) {
        super(F);
        this.networkOrder = networkOrder;
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.linkType(LinkType.NULL, NULL);
        h.linkType(LinkType.LOOP, LOOP);
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end - off < 4) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        d.beginLayer(PROTO, off, 4);
        long family = networkOrder ? d.u32(off) : d.u32le(off);
        if (!networkOrder && family > 0xffff) {
            family = d.u32(off); // written on a big-endian host
        }
        d.add(FAMILY, off, 4, family);
        LayerDecoder next = switch ((int) family) {
            case 2 -> Ipv4.INSTANCE;
            case 24, 28, 30 -> Ipv6.INSTANCE; // AF_INET6 differs between BSDs
            default -> Data.INSTANCE;
        };
        d.then(next, off + 4, end);
    }
}
