package org.tunnellens.analysis.lvs;

import java.util.List;

/** LVS-NAT rebuilt from captures: the ipvsadm table, each connection, the health checks and what happened. */
public record LvsAnalysis(List<VirtualService> services, List<LvsConnection> connections,
                          List<HealthCheckSummary> healthChecks, List<LvsEvent> events, List<String> problems) {

    public List<LvsEvent> events(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
