package org.tunnellens.analysis.lvs;

import org.tunnellens.analysis.vrrp.VrrpTextReport;

/** The text output of {@code tunnellens lvs}: ipvsadm's table first, then connections, checks and events. */
public final class IpvsadmTextReport {
    private IpvsadmTextReport() {
    }

    public static String render(LvsAnalysis a) {
        StringBuilder sb = new StringBuilder();
        sb.append("IP Virtual Server, as observed in the capture(s)  (ipvsadm -L -n --stats)\n");
        sb.append(String.format("%-33s %8s %8s %8s %8s %8s%n", "Prot LocalAddress:Port", "Conns", "InPkts",
                "OutPkts", "InBytes", "OutBytes"));
        sb.append("  -> RemoteAddress:Port\n");
        for (VirtualService s : a.services()) {
            sb.append(String.format("%-33s %8d %8d %8d %8d %8d%n", s.protocol() + "  " + address(s.vip(), s.port()),
                    s.connections(), s.packetsIn(), s.packetsOut(), s.bytesIn(), s.bytesOut()));
            for (RealServerStats r : s.realServers()) {
                sb.append(String.format("%-33s %8d %8d %8d %8d %8d%n", "  -> " + r.ip() + ":" + r.port(),
                        r.connections(), r.packetsIn(), r.packetsOut(), r.bytesIn(), r.bytesOut()));
            }
        }
        sb.append('\n');
        sb.append(String.format("%-33s %-10s %s%n", "Prot LocalAddress:Port", "Scheduler", "Flags"));
        sb.append(String.format("  %-31s %-10s %s%n", "-> RemoteAddress:Port", "Forward", "Note"));
        for (VirtualService s : a.services()) {
            sb.append(String.format("%-33s %-10s (%s)%n", s.protocol() + "  " + address(s.vip(), s.port()),
                    s.scheduler(), s.schedulerDetail()));
            for (RealServerStats r : s.realServers()) {
                sb.append(String.format("  %-31s %-10s %s%n", "-> " + r.ip() + ":" + r.port(), r.forward(),
                        r.sorry() ? "sorry server (not health-checked)" : ""));
            }
        }
        sb.append("\nConnections (UTC):\n");
        sb.append(String.format("  %-12s %-21s %-21s %-21s %-10s %-8s %s%n", "time", "client", "virtual", "real server",
                "outcome", "http", "frames (front / back)"));
        for (LvsConnection c : a.connections()) {
            sb.append(String.format("  %-12s %-21s %-21s %-21s %-10s %-8s %s / %s%n", VrrpTextReport.clock(c.time()),
                    c.client() + ":" + c.clientPort(), c.vip() == null ? "?" : c.vip() + ":" + c.vport(),
                    c.realServer() == null ? "?" : c.realServer() + ":" + c.rport(), c.outcome(),
                    c.httpStatus() == 0 ? "-" : String.valueOf(c.httpStatus()),
                    c.front() == null ? "-" : c.front(), c.back() == null ? "-" : c.back()));
        }
        if (!a.healthChecks().isEmpty()) {
            sb.append("\nHealth checks:\n");
            for (HealthCheckSummary h : a.healthChecks()) {
                sb.append(String.format("  %-21s from %-15s %3d checks, %3d ok, %3d failed%n",
                        h.server() + ":" + h.port(), h.checker(), h.checks(), h.ok(), h.failed()));
            }
        }
        if (!a.events().isEmpty()) {
            sb.append("\nEvents (UTC):\n");
            for (LvsEvent e : a.events()) {
                sb.append(String.format("  %s  %-15s %s%n", VrrpTextReport.clock(e.time()), e.type(), e.detail()));
            }
        }
        for (String p : a.problems()) {
            sb.append("problem: ").append(p).append('\n');
        }
        return sb.toString();
    }

    private static String address(String vip, int port) {
        return (vip == null ? "?" : vip) + ":" + port;
    }
}
