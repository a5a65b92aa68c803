package org.tunnellens.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.tunnellens.analysis.correlation.CorrelationOptions;
import org.tunnellens.analysis.correlation.CorrelationReport;
import org.tunnellens.analysis.correlation.CorrelationResult;
import org.tunnellens.analysis.correlation.FrameCorrelator;
import org.tunnellens.analysis.lvs.IpvsadmTextReport;
import org.tunnellens.analysis.lvs.LvsAnalyzer;
import org.tunnellens.analysis.vrrp.VrrpAnalyzer;
import org.tunnellens.analysis.vrrp.VrrpTextReport;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.capture.ReadProblem;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.PacketDissector;

/**
 * Everything a user can make TunnelLens do with one capture: read it, dissect and print every field of every
 * packet, run the analyses. Shared by the fuzz targets and the regression test of the inputs they found.
 */
final class CaptureExerciser {
    static final Path LABEL = Path.of("fuzz-input.pcap");

    private CaptureExerciser() {
    }

    /** Throws (AssertionError or whatever escaped) when TunnelLens misbehaves on these bytes. */
    static void exercise(byte[] bytes, boolean analyses) {
        try (CaptureFile f = CaptureFile.openBytes(LABEL, bytes)) {
            checkProblem(f.problem(), bytes.length);
            checkIndex(f, bytes.length);
            dissectAll(f);
            if (analyses) {
                analyse(f);
            }
        } catch (CaptureException e) {
            if (!e.getMessage().startsWith(LABEL.toString()) || e.offset() < -1 || e.offset() > bytes.length) {
                throw new AssertionError("CaptureException must name the file and a byte offset inside it: "
                        + e.getMessage(), e);
            }
        }
    }

    private static void checkProblem(ReadProblem p, int size) {
        if (p != null && (p.offset() < 0 || p.offset() > size || !p.file().equals(LABEL)
                || !p.message().contains("byte offset " + p.offset()))) {
            throw new AssertionError("read problem offset outside the file of " + size + " bytes: " + p);
        }
    }

    private static void checkIndex(CaptureFile f, int size) {
        for (int i = 0; i < f.packetCount(); i++) {
            long off = f.index().offset(i);
            int len = f.index().capturedLength(i);
            if (off < 0 || len < 0 || off + len > size) {
                throw new AssertionError("packet " + (i + 1) + " at " + off + "+" + len + " lies outside the "
                        + size + "-byte file");
            }
        }
    }

    private static void dissectAll(CaptureFile f) {
        PacketDissector dissector = new PacketDissector(f);
        for (int i = 0; i < f.packetCount(); i++) {
            Dissection d = dissector.dissect(i);
            for (int occ = 0; occ < d.count(); occ++) {
                if (d.start(occ) < 0 || d.length(occ) < 0 || d.start(occ) + d.length(occ) > d.limit()) {
                    throw new AssertionError("frame " + (i + 1) + ": field " + d.field(occ).abbrev() + " at "
                            + d.start(occ) + "+" + d.length(occ) + " lies outside the " + d.capturedLength()
                            + " captured bytes");
                }
                FieldFormatter.value(d, occ);
                FieldFormatter.treeLine(d, occ);
            }
        }
    }

    private static void analyse(CaptureFile f) {
        VrrpTextReport.render(new VrrpAnalyzer().add(f, "fuzz").analyze());
        IpvsadmTextReport.render(new LvsAnalyzer().add(f, "fuzz").analyze());
        CorrelationResult r = new FrameCorrelator(CorrelationOptions.defaults()).correlate(f, f);
        CorrelationReport.writeText(new PrintWriter(new StringWriter()), r);
        try (JsonGenerator g = new JsonFactory().createGenerator(new StringWriter())) {
            CorrelationReport.writeJson(g, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
