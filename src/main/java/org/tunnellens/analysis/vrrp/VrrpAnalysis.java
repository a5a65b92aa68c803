package org.tunnellens.analysis.vrrp;

import java.util.List;

/**
 * The result of reading VRRP from one or more captures: virtual routers and their events, in time order.
 *
 * @param problems files that could not be read whole (name, byte offset, reason)
 */
public record VrrpAnalysis(List<VirtualRouter> routers, List<VrrpEvent> events, List<GratuitousArp> gratuitousArps,
                           List<String> problems) {

    public List<VrrpEvent> events(VrrpEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    public List<VirtualRouter> routers(int vrid) {
        return routers.stream().filter(r -> r.vrid() == vrid).toList();
    }
}
