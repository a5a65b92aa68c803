package org.tunnellens.analysis.correlation;

import java.lang.foreign.MemorySegment;
import java.util.BitSet;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.DecodeConfig;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.proto.Ipv4;
import org.tunnellens.dissect.proto.Vxlan;

/**
 * The dissector's IPv4 reassembly, asked about outer IPv4 fragments only: which frame completes a datagram (its
 * bytes, to find the inner frame in) and which frame reassembles the other pieces. Every other packet is walked in
 * place by {@link FrameLocator}; a capture without fragments never builds a dissector.
 */
final class FragmentedDatagrams {
    private final CaptureFile file;
    private final int[] vxlanPorts;
    private PacketDissector dissector;
    /** Packets dissected at least once, so that a piece only fed to the reassembly is not dissected again. */
    private final BitSet seen = new BitSet();

    FragmentedDatagrams(CaptureFile file, int[] vxlanPorts) {
        this.file = file;
        this.vxlanPorts = vxlanPorts;
    }

    /**
     * Dissects fragment {@code packet} (0-based). Returns the reassembled IPv4 payload when this frame completes its
     * datagram (as Wireshark, the fragment that completes the coverage, in capture order), else null, and then sets
     * {@code out.reassembledIn} to the frame that reassembles it once that frame has been dissected (0 before, and
     * when a piece is missing).
     */
    MemorySegment completedBy(int packet, LocatedFrame out) {
        Dissection d = dissect(packet);
        byte[] datagram = d.reassembledBytes();
        if (datagram != null) {
            return MemorySegment.ofArray(datagram);
        }
        out.reassembledIn = (int) d.firstValue(Ipv4.REASSEMBLED_IN, 0);
        return null;
    }

    /**
     * Lets the reassembly record a piece that the caller can place without it (a first fragment that is not VXLAN),
     * so that its datagram's later pieces find it without a look-behind over the packets before them.
     */
    void note(int packet) {
        if (!seen.get(packet)) {
            dissect(packet);
        }
    }

    private Dissection dissect(int packet) {
        if (dissector == null) {
            // only the reassembled bytes are wanted (FrameLocator walks what they carry): VXLAN payloads decoded as
            // data spare decoding the inner frame a second time, which halves the cost of a reassembling frame
            DecodeConfig decode = DecodeConfig.defaults().withHeuristic(Vxlan.HEURISTIC_NAME, false);
            for (int port : vxlanPorts) {
                decode = decode.withDecodeAs("udp.port==" + (port & 0xffff) + ",data");
            }
            dissector = new PacketDissector(file, decode);
        }
        seen.set(packet);
        return dissector.dissect(packet);
    }
}
