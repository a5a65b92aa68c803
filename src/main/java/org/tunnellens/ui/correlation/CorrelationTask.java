package org.tunnellens.ui.correlation;

import java.nio.file.Path;
import java.util.List;
import javafx.concurrent.Task;
import org.tunnellens.analysis.correlation.CorrelationOptions;
import org.tunnellens.analysis.correlation.CorrelationResult;
import org.tunnellens.analysis.correlation.FrameCorrelator;
import org.tunnellens.analysis.vnimap.VniMapReport;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;

/**
 * Opens, indexes and pairs two captures off the UI thread. A file that stops early is still paired up to where it
 * stopped; its problem is passed on so the window can name the file and the byte offset.
 */
public final class CorrelationTask extends Task<CorrelationRun> {
    private final Path outerPath;
    private final Path innerPath;
    private final CorrelationOptions options;

    public CorrelationTask(Path outer, Path inner, CorrelationOptions options) {
        this.outerPath = outer;
        this.innerPath = inner;
        this.options = options;
    }

    @Override
    protected CorrelationRun call() throws CaptureException {
        updateMessage("Reading " + outerPath.getFileName());
        CaptureFile outer = CaptureFile.open(outerPath);
        CaptureFile inner;
        try {
            if (innerPath.equals(outerPath)) {
                inner = outer;
            } else {
                updateMessage("Reading " + innerPath.getFileName());
                inner = CaptureFile.open(innerPath);
            }
        } catch (CaptureException e) {
            outer.close();
            throw e;
        }
        try {
            updateMessage("Pairing " + outer.packetCount() + " with " + inner.packetCount() + " packets");
            CorrelationResult result = new FrameCorrelator(options).correlate(outer, inner);
            updateMessage("Counting VNIs");
            var seen = VniMapReport.observe(inner == outer ? List.of(outer) : List.of(outer, inner));
            return new CorrelationRun(outer, inner, result, seen);
        } catch (RuntimeException e) {
            outer.close();
            if (inner != outer) {
                inner.close();
            }
            throw e;
        }
    }
}
