package org.tunnellens.dissect;

/** TLS records present in a TCP segment: one "tls" layer per record that starts in it, as tshark lists them. */
public final class Tls implements LayerDecoder {
    public static final FieldDef PROTO = FieldRegistry.protocol("tls", "Transport Layer Security");
    public static final FieldDef CONTENT_TYPE = FieldRegistry.uint("tls.record.content_type", "Content Type",
            Tls::contentName);
    public static final FieldDef VERSION = FieldRegistry.hex("tls.record.version", "Version", 16);
    public static final FieldDef LENGTH = FieldRegistry.uint("tls.record.length", "Length");
    static final Tls INSTANCE = new Tls();

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
