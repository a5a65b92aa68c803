package org.tunnellens.ui.ha;

import java.util.ArrayList;
import java.util.List;
import org.tunnellens.analysis.lvs.FrameRef;
import org.tunnellens.analysis.lvs.LvsConnection;

/**
 * The ladder diagram of one LVS-NAT connection: client, director and real server, and the request and reply as they
 * look on each segment. IPVS NAT rewrites only the destination on the way in (VIP to real server) and only the
 * source on the way out (real server to VIP); ports and sequence numbers pass unchanged, which the labels show.
 */
public final class LadderModel {
    private final String title;
    private final List<String> hosts;
    private final List<LadderArrow> arrows;
    private final String note;

    private LadderModel(String title, List<String> hosts, List<LadderArrow> arrows, String note) {
        this.title = title;
        this.note = note;
        this.hosts = hosts;
        this.arrows = arrows;
    }

    public static LadderModel of(LvsConnection c) {
        String client = c.client() + ":" + c.clientPort();
        String vip = c.vip() == null ? "?" : c.vip() + ":" + c.vport();
        String rip = c.realServer() == null ? "?" : c.realServer() + ":" + c.rport();
        String request = c.httpRequest() == null ? "SYN" : "SYN \u2026 " + c.httpRequest();
        String reply = switch (c.outcome()) {
            case "refused" -> "RST (nothing listening)";
            case "bypassed" -> "SYN/ACK straight from the real server";
            default -> c.httpStatus() > 0 ? "SYN/ACK \u2026 HTTP " + c.httpStatus() : "SYN/ACK";
        };
        List<LadderArrow> arrows = new ArrayList<>();
        arrows.add(new LadderArrow(LadderColumn.CLIENT, LadderColumn.DIRECTOR, "front", client, vip,
                LadderArrow.Rewrite.NONE, request, ref(c.front()), false));
        arrows.add(new LadderArrow(LadderColumn.DIRECTOR, LadderColumn.REAL_SERVER, "back", client, rip,
                LadderArrow.Rewrite.TARGET, request + "  (destination rewritten)", ref(c.back()), false));
        switch (c.outcome()) {
            case "no-answer" -> {
                // nothing came back: the ladder stops at the real server
            }
            case "bypassed" -> arrows.add(new LadderArrow(LadderColumn.REAL_SERVER, LadderColumn.CLIENT, "front", rip,
                    client, LadderArrow.Rewrite.NONE, reply + ": not un-NATed, the client resets it", null, true));
            default -> {
                arrows.add(new LadderArrow(LadderColumn.REAL_SERVER, LadderColumn.DIRECTOR, "back", rip, client,
                        LadderArrow.Rewrite.NONE, reply, null, false));
                arrows.add(new LadderArrow(LadderColumn.DIRECTOR, LadderColumn.CLIENT, "front", vip, client,
                        LadderArrow.Rewrite.SOURCE, reply + "  (source rewritten)", null, false));
            }
        }
        String title = "Connection " + client + " \u2192 " + vip + " \u2192 " + rip + "   outcome: " + c.outcome();
        List<String> hosts = List.of(c.client(), c.vip() == null ? "VIP ?" : "VIP " + c.vip(),
                c.realServer() == null ? "not captured" : c.realServer());
        return new LadderModel(title, hosts, List.copyOf(arrows), c.note());
    }

    private static String ref(FrameRef f) {
        return f == null ? null : f.toString();
    }

    public String title() {
        return title;
    }

    /** The address under each column's title, in {@link LadderColumn} order. */
    public List<String> hosts() {
        return hosts;
    }

    /** What an outcome other than "ok" rests on, as the analysis says it, or null. */
    public String note() {
        return note;
    }

    public List<LadderArrow> arrows() {
        return arrows;
    }
}
