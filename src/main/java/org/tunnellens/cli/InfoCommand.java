package org.tunnellens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tunnellens.analysis.stats.CaptureSummary;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunnellens info}: capinfos for one capture. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a capture file, like capinfos: format, interfaces, packets, bytes, times, problems.")
public final class InfoCommand implements Callable<Integer> {

    @Option(names = "-r", required = true, paramLabel = "FILE", description = "capture file (pcap or pcapng)")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("tunnellens: unknown format \"" + format + "\" (text or json)");
            return 1;
        }
        try (CaptureFile f = CaptureFile.open(file)) {
            CaptureSummary s = CaptureSummary.of(f);
            if (format.equals("json")) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(s.toJson()));
            } else {
                System.out.print(s.text());
            }
            return s.problem() == null ? 0 : 2;
        } catch (CaptureException e) {
            System.err.println("tunnellens: " + e.getMessage());
            return 2;
        }
    }
}
