package org.tunnellens.capture;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/** Classic libpcap files: both byte orders, µs and ns timestamps, and the "modified" (Kuznetzov) records. */
final class PcapReader extends RecordReader {
    static final int MAGIC_USEC = 0xa1b2c3d4;
    static final int MAGIC_NSEC = 0xa1b23c4d;
    static final int MAGIC_MODIFIED = 0xa1b2cd34;
    static final int HEADER = 24;

    private final ByteOrder order;
    private final boolean nanos;
    private final int recordHeader;
    final CaptureFormat format;

    PcapReader(Path file, MemorySegment data, List<CaptureInterface> interfaces, int magic, ByteOrder order)
            throws CaptureException {
        super(file, data, interfaces);
        this.order = order;
        this.nanos = magic == MAGIC_NSEC;
        // modified pcap appends ifindex(4), protocol(2), pkt_type(1) and a pad byte to each record header
        this.recordHeader = magic == MAGIC_MODIFIED ? 24 : 16;
        this.format = magic == MAGIC_NSEC ? CaptureFormat.PCAP_NSEC
                : magic == MAGIC_MODIFIED ? CaptureFormat.PCAP_MODIFIED : CaptureFormat.PCAP_USEC;
        if (end < HEADER) {
            throw new CaptureException(file, 0, "pcap file header is cut short (" + end + " of 24 bytes)");
        }
        long snaplen = u32(data, 16, order);
        // the top bits of the link-type word carry FCS information, not the link type
        int linkType = (int) (u32(data, 20, order) & 0x0fff_ffffL);
        interfaces.add(new CaptureInterface(linkType, snaplen, null, null, nanos ? 1_000_000_000L : 1_000_000L, 0));
        pos = HEADER;
    }

    @Override
    int readBatch(PacketIndex index, int max) {
        int added = 0;
        while (added < max) {
            if (pos == end) {
                done = true;
                break;
            }
            if (end - pos < recordHeader) {
                fail(pos, "last packet record header is cut short (" + (end - pos) + " of " + recordHeader
                        + " bytes; capture stopped while writing?)");
                break;
            }
            long sec = u32(data, pos, order);
            long frac = u32(data, pos + 4, order);
            long capLen = u32(data, pos + 8, order);
            long origLen = u32(data, pos + 12, order);
            if (capLen > MAX_RECORD) {
                fail(pos, "packet record length " + capLen + " is over the 262144-byte limit (corrupt record)");
                break;
            }
            if (pos + recordHeader + capLen > end) {
                fail(pos, "last packet record is cut short (" + (end - pos - recordHeader) + " of " + capLen
                        + " bytes; capture stopped while writing?)");
                break;
            }
            long ts = sec * 1_000_000_000L + (nanos ? frac : frac * 1000L);
            int orig = (int) Math.min(Integer.MAX_VALUE, Math.max(origLen, capLen));
            index.add(pos + recordHeader, (int) capLen, orig, ts, 0);
            pos += recordHeader + capLen;
            added++;
        }
        return added;
    }
}
