package org.tunnellens.dissect.firstpass;

import java.util.IdentityHashMap;
import java.util.Map;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.PassContext;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Protocol;
import org.tunnellens.dissect.StateKey;
import org.tunnellens.dissect.States;

/**
 * One pass over the whole capture before anything is printed (tshark's {@code -2}): each protocol's first-pass hook
 * sees its innermost layer of every packet in file order, links requests with their answers and keeps its findings
 * for the Info column ("(reply in 2)", "[TCP Retransmission]", scaled windows, "[Reassembled in #9]").
 */
public final class FirstPass implements PassResults {
    /** Frame number of the matching packet, 0 for none; one entry per packet. */
    private final int[] partner;
    private final States states = new States(null);

    private FirstPass(int packets) {
        partner = new int[packets];
    }

    public static FirstPass run(CaptureFile file) {
        return run(new PacketDissector(file));
    }

    /** Runs the pass with this dissector, so its decode configuration and TCP state are the ones used. */
    public static FirstPass run(PacketDissector dissector) {
        int n = dissector.file().packetCount();
        FirstPass pass = new FirstPass(n);
        Context ctx = pass.new Context();
        Map<Protocol, Boolean> seen = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            Dissection d = dissector.dissect(i);
            ctx.packet = i;
            seen.clear();
            for (int l = d.layerCount() - 1; l >= 0; l--) {
                int occ = d.layerOccurrence(l);
                Protocol p = d.layerOwner(l);
                if (p.hasFirstPass() && !d.quoted(occ) && seen.put(p, Boolean.TRUE) == null) {
                    p.firstPass(d, occ, ctx);
                }
            }
        }
        return pass;
    }

    private final class Context implements PassContext {
        private int packet;

        @Override
        public int packet() {
            return packet;
        }

        @Override
        public void pair(int request, int response) {
            if (partner[request] == 0 && partner[response] == 0) {
                partner[request] = response + 1;
                partner[response] = request + 1;
            }
        }

        @Override
        public <T> T state(StateKey<T> key) {
            return states.get(key);
        }
    }

    @Override
    public boolean covers(int packet) {
        return packet < partner.length;
    }

    @Override
    public int partnerOf(int packet) {
        return packet < partner.length ? partner[packet] : 0;
    }

    @Override
    public <T> T get(StateKey<T> key) {
        return states.peek(key);
    }
}
