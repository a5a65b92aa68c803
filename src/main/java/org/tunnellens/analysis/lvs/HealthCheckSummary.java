package org.tunnellens.analysis.lvs;

import java.util.List;

/** The health checks of one real server: how many, how many failed, and each one. */
public record HealthCheckSummary(String server, int port, String checker, int checks, int ok, int failed,
                                 List<HealthCheck> probes) {
}
