package org.tunnellens.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tunnellens.analysis.correlation.CorrelationOptions;
import org.tunnellens.analysis.correlation.CorrelationReport;
import org.tunnellens.analysis.correlation.CorrelationResult;
import org.tunnellens.analysis.correlation.FrameCorrelator;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.DecodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunnellens correlate}: pair the underlay capture with the bridge capture (or the other end's underlay). */
@Command(name = "correlate", mixinStandardHelpOptions = true,
        description = {"Pair each frame inside VXLAN in OUTER with the same frame in INNER (bridge, tunnel device, "
                + "tap), or with the other end's underlay capture; one file holding both sightings also works.",
                "Reports frame numbers, VNI, VTEPs, direction and delay, and why the rest found no partner."})
public final class CorrelateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUTER", description = "underlay capture (VXLAN), or a capture holding both")
    Path outer;

    @Parameters(index = "1", arity = "0..1", paramLabel = "INNER",
            description = "bridge / tunnel device / tap capture, or the underlay capture at the tunnel's other end")
    Path inner;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json")
    String format;

    @Option(names = "--clock-offset", paramLabel = "MICROS",
            description = "microseconds added to INNER's timestamps to put them on OUTER's clock (default: estimated)")
    Double clockOffsetMicros;

    @Option(names = "--window", defaultValue = "100", paramLabel = "MILLIS",
            description = "equal frames pair only within this time (after the clock offset); default 100 ms")
    double windowMillis;

    @Option(names = "--vxlan-port", paramLabel = "PORT", split = ",",
            description = "more UDP ports that carry VXLAN (same as -d udp.port==PORT,vxlan; 4789 and 8472 always do, "
                    + "others are found by heuristic)")
    int[] ports;

    @Mixin
    DecodeOptions decode = new DecodeOptions();

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("tunnellens correlate: --format must be text or json, not " + format);
            return 2;
        }
        CorrelationOptions opts = CorrelationOptions.defaults().withWindowNanos((long) (windowMillis * 1e6));
        if (clockOffsetMicros != null) {
            opts = opts.withClockOffsetNanos(Math.round(clockOffsetMicros * 1000));
        }
        DecodeConfig config;
        try {
            config = decode.config();
            for (int p : ports == null ? new int[0] : ports) {
                config = config.withDecodeAs("udp.port==" + p + ",vxlan");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("tunnellens correlate: " + e.getMessage());
            return 2;
        }
        opts = opts.withDecode(config);
        try (CaptureFile a = CaptureFile.open(outer);
             CaptureFile b = inner == null ? null : CaptureFile.open(inner)) {
            for (CaptureFile f : new CaptureFile[] {a, b}) {
                if (f != null && f.problem() != null) {
                    System.err.println("tunnellens correlate: warning: " + f.problem().message()
                            + "; pairing the " + f.packetCount() + " packets before it");
                }
            }
            CorrelationResult r = new FrameCorrelator(opts).correlate(a, b == null ? a : b);
            if (format.equals("json")) {
                JsonGenerator g = new JsonFactory().createGenerator(System.out, JsonEncoding.UTF8);
                g.useDefaultPrettyPrinter();
                CorrelationReport.writeJson(g, r);
                g.flush();
                System.out.println();
            } else {
                CorrelationReport.writeText(new PrintWriter(new OutputStreamWriter(System.out,
                        StandardCharsets.UTF_8)), r);
            }
            return 0;
        } catch (CaptureException e) {
            System.err.println("tunnellens correlate: " + e.getMessage());
            return 1;
        }
    }
}
