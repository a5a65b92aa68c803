package org.tunnellens.analysis.stats;

import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.PacketDissector;

/** One pass over a capture filling the protocol hierarchy, the conversations and the VNI table together. */
public final class CaptureStatistics {
    private final ProtocolHierarchy hierarchy = new ProtocolHierarchy();
    private final ConversationTable conversations = new ConversationTable();
    private final VniTable vnis = new VniTable();

    public static CaptureStatistics of(CaptureFile file, PacketDissector dissector) {
        CaptureStatistics s = new CaptureStatistics();
        for (int i = 0; i < file.packetCount(); i++) {
            Dissection d = dissector.dissect(i);
            s.hierarchy.add(d);
            s.conversations.add(d);
            s.vnis.add(d);
        }
        return s;
    }

    public ProtocolHierarchy hierarchy() {
        return hierarchy;
    }

    public ConversationTable conversations() {
        return conversations;
    }

    public VniTable vnis() {
        return vnis;
    }
}
