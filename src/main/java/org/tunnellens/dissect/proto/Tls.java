package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.FieldDef;
import org.tunnellens.dissect.Fields;
import org.tunnellens.dissect.Handoffs;
import org.tunnellens.dissect.LayerDecoder;
import org.tunnellens.dissect.Protocol;

/** TLS records present in a TCP segment: one "tls" layer per record that starts in it, as tshark lists them. */
public final class Tls extends Protocol implements LayerDecoder {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("tls", "Transport Layer Security");
    public static final FieldDef CONTENT_TYPE = F.uint("tls.record.content_type", "Content Type",
            Tls::contentName);
    public static final FieldDef VERSION = F.hex("tls.record.version", "Version", 16);
    public static final FieldDef LENGTH = F.uint("tls.record.length", "Length");
    public static final Tls INSTANCE = new Tls();

    private Tls() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    @Override
    public void register(Handoffs h) {
        h.tcpPort(443, this);
        h.decodeAs("tls", this);
    }

    /** tshark 4.0 names the version the records carry; the lab's TLS is 1.2 on the wire (1.3 says 1.2 too). */
    @Override
    public String columnName(Dissection d, int occ) {
        return "TLSv1.2";
    }

    @Override
    public void decode(Dissection d, int off, int end) {
        int p = off;
        for (int i = 0; i < 64 && end - p >= 5; i++) {
            int type = d.u8(p);
            int ver = d.u16(p + 1);
            if (type < 20 || type > 24 || (ver >>> 8) != 3) {
                break;
            }
            int len = d.u16(p + 3);
            d.beginLayer(PROTO, p, Math.min(5 + len, end - p));
            d.add(CONTENT_TYPE, p, 1, type);
            d.add(VERSION, p + 1, 2, ver);
            d.add(LENGTH, p + 3, 2, len);
            p += 5 + len;
        }
        if (p == off) {
            d.beginLayer(PROTO, off, end - off); // a continuation of a record begun in an earlier segment
        }
    }

    static String contentName(long t) {
        return switch ((int) t) {
            case 20 -> "Change Cipher Spec";
            case 21 -> "Alert";
            case 22 -> "Handshake";
            case 23 -> "Application Data";
            case 24 -> "Heartbeat";
            default -> null;
        };
    }
}
