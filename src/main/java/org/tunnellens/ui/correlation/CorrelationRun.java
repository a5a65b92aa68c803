package org.tunnellens.ui.correlation;

import java.util.Map;
import org.tunnellens.analysis.correlation.CorrelationResult;
import org.tunnellens.analysis.vnimap.VniMapReport;
import org.tunnellens.capture.CaptureFile;

/**
 * What the correlation worker hands to the window: both mapped captures (the lists read their rows from them),
 * the pairing, and what the wire shows per VNI. The window owns the files and closes them with itself.
 */
public record CorrelationRun(CaptureFile outer, CaptureFile inner, CorrelationResult result,
                             Map<Integer, VniMapReport.Seen> seenVnis) implements AutoCloseable {
    @Override
    public void close() {
        outer.close();
        if (inner != outer) {
            inner.close();
        }
    }
}
