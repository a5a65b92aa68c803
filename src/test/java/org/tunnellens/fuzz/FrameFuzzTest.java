package org.tunnellens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tunnellens.capture.LinkType;

/**
 * One frame on any supported link type: the first input byte picks the link type, the rest is the frame, wrapped
 * into a one-packet pcap in memory. Reaches the decoders faster than {@link CaptureFileFuzzTest}, whose mutations
 * mostly break the file structure.
 */
class FrameFuzzTest {
    static final int[] LINK_TYPES = {LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.NULL,
        LinkType.LOOP, LinkType.RAW, LinkType.IPV4, LinkType.IPV6, LinkType.FRELAY};

    // a loop without progress: Jazzer turns @Timeout into libFuzzer's per-input -timeout when fuzzing
    @Timeout(10)
    @FuzzTest(maxDuration = "5m")
    void dissectOneFrame(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] pcap = wrap(LINK_TYPES[Byte.toUnsignedInt(input[0]) % LINK_TYPES.length], input, 1);
        CaptureExerciser.exercise(pcap, false);
    }

    /** A one-record little-endian µs pcap holding {@code bytes[from..]} on link type {@code linkType}. */
    static byte[] wrap(int linkType, byte[] bytes, int from) {
        int len = bytes.length - from;
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + len).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262_144)
                .putInt(linkType);
        b.putInt(1_700_000_000).putInt(0).putInt(len).putInt(len).put(bytes, from, len);
        return b.array();
    }
}
