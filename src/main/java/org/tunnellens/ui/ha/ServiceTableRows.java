package org.tunnellens.ui.ha;

import java.util.ArrayList;
import java.util.List;
import org.tunnellens.analysis.lvs.LvsAnalysis;
import org.tunnellens.analysis.lvs.RealServerStats;
import org.tunnellens.analysis.lvs.VirtualService;

/** Flattens the analysis's virtual services into the rows of the service table. */
public final class ServiceTableRows {
    private ServiceTableRows() {
    }

    public static List<ServiceRow> of(LvsAnalysis a) {
        List<ServiceRow> rows = new ArrayList<>();
        for (VirtualService s : a.services()) {
            String vip = (s.vip() == null ? "?" : s.vip()) + ":" + s.port();
            rows.add(new ServiceRow(true, s.protocol() + "  " + vip, s.scheduler(), s.connections(), s.packetsIn(),
                    s.packetsOut(), s.bytesIn(), s.bytesOut(), s.schedulerDetail()));
            for (RealServerStats r : s.realServers()) {
                rows.add(new ServiceRow(false, "  \u2192 " + r.ip() + ":" + r.port(), r.forward(), r.connections(),
                        r.packetsIn(), r.packetsOut(), r.bytesIn(), r.bytesOut(),
                        r.sorry() ? "sorry server (not health-checked)" : ""));
            }
        }
        return rows;
    }
}
