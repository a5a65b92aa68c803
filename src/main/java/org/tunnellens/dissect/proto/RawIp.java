package org.tunnellens.dissect.proto;

import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.LayerDecoder;

/** Raw IP link types: the version nibble says IPv4 or IPv6. */
final class RawIp implements LayerDecoder {
    static final RawIp INSTANCE = new RawIp();

    @Override
    public void decode(Dissection d, int off, int end) {
        if (end <= off) {
            return;
        }
        int version = d.u8(off) >>> 4;
        d.then(version == 6 ? Ipv6.INSTANCE : version == 4 ? Ipv4.INSTANCE : Data.INSTANCE, off, end);
    }
}
