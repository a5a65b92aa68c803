package org.tunnellens.dissect.proto;

import org.tunnellens.capture.LinkType;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Frame;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Malformed;
import org.tunnellens.dissect.Protocol;

/**
 * Frame Relay (LINKTYPE_FRELAY 107, ITU-T Q.922 address): a 2-4 octet address ending at the octet with the EA bit,
 * then either Cisco-style encapsulation (an ethertype) or RFC 2427 (UI control 0x03, optional pad, NLPID).
 */
public final class FrameRelay extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("fr", "Frame Relay");
    public static final FieldDef DLCI = F.uint("fr.dlci", "DLCI");
    public static final FieldDef CONTROL = F.hex("fr.control", "Control Field", 8);
    public static final FieldDef NLPID = F.hex("fr.nlpid", "NLPID", 8);
    public static final FieldDef ETHERTYPE = F.hex("fr.ethertype", "Type", 16, EtherTypes::name);
    public static final FrameRelay INSTANCE = new FrameRelay();

    private FrameRelay() {
        super(F);
    }
    private static final int MAX_ADDRESS = 4;

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.linkType(LinkType.FRELAY, this);
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        int addrLen = 0;
        while (addrLen < MAX_ADDRESS && off + addrLen < end && (d.u8(off + addrLen) & 1) == 0) {
            addrLen++;
        }
        addrLen++; // the octet with EA set ends the address
        if (addrLen < 2 || addrLen > MAX_ADDRESS || end - off < addrLen + 2) {
            Malformed.mark(d, PROTO, off, end);
            return;
        }
        int occ = d.beginLayer(PROTO, off, addrLen);
        long dlci = ((d.u8(off) >>> 2) << 4) | (d.u8(off + 1) >>> 4);
        if (addrLen == 3) {
            dlci = (dlci << 6) | (d.u8(off + 2) >>> 2);
        } else if (addrLen == 4) {
            dlci = (((dlci << 7) | (d.u8(off + 2) >>> 1)) << 6) | (d.u8(off + 3) >>> 2);
        }
        d.add(DLCI, off, addrLen, dlci);
        int p = off + addrLen;
        if (d.u8(p) != 0x03) {
            int type = d.u16(p);
            d.add(ETHERTYPE, p, 2, type);
            d.setLength(occ, addrLen + 2);
            LayerDecoder next = d.tables().ethertype(type);
            d.then(next != null ? next : Data.INSTANCE, p + 2, end);
            return;
        }
        d.add(CONTROL, p, 1, 0x03);
        p++;
        if (p < end && d.u8(p) == 0) {
            p++; // Q.933 pad octet
        }
        if (p >= end) {
            d.flag(occ, Dissection.FLAG_MALFORMED);
            return;
        }
        int nlpid = d.u8(p);
        d.add(NLPID, p, 1, nlpid);
        d.setLength(occ, p + 1 - off);
        LayerDecoder next = switch (nlpid) {
            case 0xcc -> Ipv4.INSTANCE;
            case 0x8e -> Ipv6.INSTANCE;
            default -> Data.INSTANCE;
        };
        d.then(next, p + 1, end);
    }
}
