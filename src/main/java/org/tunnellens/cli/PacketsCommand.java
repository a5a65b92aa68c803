package org.tunnellens.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.PassResults;
import org.tunnellens.dissect.Dissection;
import org.tunnellens.dissect.DecodeConfig;
import org.tunnellens.dissect.column.FieldFormatter;
import org.tunnellens.dissect.column.FieldSelector;
import org.tunnellens.dissect.PacketDissector;
import org.tunnellens.dissect.column.PacketSummary;
import org.tunnellens.dissect.column.TcpdumpLine;
import org.tunnellens.dissect.firstpass.FirstPass;
import org.tunnellens.filter.DisplayFilter;
import org.tunnellens.filter.FilterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunnellens packets}: tshark's packet output, with tshark's own flags. */
@Command(name = "packets", mixinStandardHelpOptions = true,
        description = "Print the packets of a capture, as tshark does (same flags: -r -T -e -E -c -d -o).")
public final class PacketsCommand implements Callable<Integer> {

    @Option(names = "-r", required = true, paramLabel = "FILE", description = "capture file (pcap or pcapng)")
    Path file;

    @Option(names = "-T", paramLabel = "FORMAT", defaultValue = "text",
            description = "output format: text (packet list), fields (with -e) or json")
    String format;

    @Option(names = "-e", paramLabel = "FIELD", description = "field to print with -T fields or json (repeatable)")
    List<String> fields = new ArrayList<>();

    @Option(names = "-E", paramLabel = "OPTION", description = "header=y|n, separator=/t|/s|,|CHAR, occurrence=f|l|a, aggregator=,")
    List<String> fieldOptions = new ArrayList<>();

    @Option(names = "-c", paramLabel = "COUNT", description = "stop after COUNT packets")
    int count = -1;

    @Mixin
    DecodeOptions decode = new DecodeOptions();

    @Option(names = "-Y", paramLabel = "FILTER", description = "Wireshark display filter, e.g. 'vxlan.vni == 320'")
    String displayFilter = "";

    @Option(names = "-2", description = "two-pass analysis (tshark -2); text output and _ws.col.Info always get it")
    boolean twoPass;

    @Option(names = "--tcpdump", arity = "0..1", fallbackValue = "", paramLabel = "e",
            description = "print tcpdump's one-line style (tcpdump -# -n -tttt); --tcpdump=e adds link headers (-e)")
    String tcpdump;


    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        DecodeConfig config;
        try {
            config = decode.config();
        } catch (IllegalArgumentException e) {
            err.println("tunnellens: " + e.getMessage());
            return 1;
        }
        FieldOutputOptions opts;
        try {
            opts = FieldOutputOptions.parse(fieldOptions);
        } catch (IllegalArgumentException e) {
            err.println("tunnellens: " + e.getMessage());
            return 1;
        }
        List<FieldSelector> selectors = new ArrayList<>();
        for (String name : fields) {
            FieldSelector s = FieldSelector.resolve(name);
            if (s == null && !PacketSummary.isColumn(name)) {
                err.println("tunnellens: unknown field \"" + name + "\"");
                return 1;
            }
            selectors.add(s != null ? s : new FieldSelector(name, new int[0]));
        }
        DisplayFilter filter;
        try {
            filter = DisplayFilter.compile(displayFilter);
        } catch (FilterException e) {
            err.println("tunnellens: " + e.getMessage());
            return 1;
        }
        if (format.equals("fields") && selectors.isEmpty()) {
            err.println("tunnellens: -T fields needs at least one -e FIELD");
            return 1;
        }
        if (!format.equals("fields") && !format.equals("text") && !format.equals("json")) {
            err.println("tunnellens: unknown output format \"" + format + "\" (text, fields or json)");
            return 1;
        }
        try (CaptureFile capture = CaptureFile.open(file)) {
            PacketDissector dissector = new PacketDissector(capture, config);
            boolean needsInfo = twoPass || (format.equals("text") && tcpdump == null) || fields.contains("_ws.col.Info");
            // the first pass pairs requests with replies and learns TCP window scales, as tshark -2 does
            PacketSummary summary = new PacketSummary(capture,
                    needsInfo ? FirstPass.run(dissector) : PassResults.NONE);
            int n = count < 0 ? capture.packetCount() : Math.min(count, capture.packetCount());
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            switch (tcpdump != null ? "tcpdump" : format) {
                case "tcpdump" -> writeTcpdump(out, dissector, filter, n, tcpdump.equals("e"));
                case "fields" -> writeFields(out, dissector, summary, selectors, opts, n, filter);
                case "json" -> writeJson(dissector, summary, selectors, n, filter);
                default -> writeText(out, dissector, summary, n, filter);
            }
            out.flush();
            if (capture.problem() != null) {
                err.println("tunnellens: " + capture.problem().message() + "; " + capture.packetCount()
                        + " packets before it were read");
                return 2;
            }
            return 0;
        } catch (CaptureException e) {
            err.println("tunnellens: " + e.getMessage());
            return 2;
        }
    }

    private static void writeFields(Writer out, PacketDissector dissector, PacketSummary summary,
                                    List<FieldSelector> selectors, FieldOutputOptions opts, int n,
                                    DisplayFilter filter) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        if (opts.header()) {
            for (int i = 0; i < selectors.size(); i++) {
                if (i > 0) {
                    sb.append(opts.separator());
                }
                sb.append(selectors.get(i).name());
            }
            out.append(sb).append('\n');
        }
        FieldColumns columns = new FieldColumns(selectors, opts, summary);
        LineWriter lines = new LineWriter(out);
        for (int p = 0; p < n; p++) {
            Dissection d = dissector.dissect(p);
            if (!filter.matches(d)) {
                continue;
            }
            sb.setLength(0);
            columns.appendLine(d, sb);
            lines.writeLine(sb);
        }
    }

    /** tcpdump's lines ({@code --tcpdump}; {@code --tcpdump=e} adds the link headers as tcpdump's -e). */
    static void writeTcpdump(Writer out, PacketDissector dissector, DisplayFilter filter, int n, boolean linkHeaders)
            throws IOException {
        StringBuilder sb = new StringBuilder(256);
        LineWriter lines = new LineWriter(out);
        TcpdumpLine line = new TcpdumpLine(linkHeaders);
        for (int p = 0; p < n; p++) {
            Dissection d = dissector.dissect(p);
            if (!filter.matches(d)) {
                continue;
            }
            sb.setLength(0);
            line.append(d, sb);
            lines.writeLine(sb);
        }
    }

    private static void writeText(Writer out, PacketDissector dissector, PacketSummary summary, int n,
                                  DisplayFilter filter) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        LineWriter lines = new LineWriter(out);
        for (int p = 0; p < n; p++) {
            Dissection d = dissector.dissect(p);
            if (!filter.matches(d)) {
                continue;
            }
            sb.setLength(0);
            summary.appendTextLine(d, sb);
            lines.writeLine(sb);
        }
    }

    private static void writeJson(PacketDissector dissector, PacketSummary summary, List<FieldSelector> selectors,
                                  int n, DisplayFilter filter) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(System.out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        for (int p = 0; p < n; p++) {
            Dissection d = dissector.dissect(p);
            if (!filter.matches(d)) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("_index", "packets");
            g.writeObjectFieldStart("_source");
            g.writeObjectFieldStart("layers");
            if (selectors.isEmpty()) {
                JsonTree.writeAllFields(g, d);
            } else {
                for (FieldSelector s : selectors) {
                    List<String> values = s.fieldIds().length == 0 ? List.of(summary.column(s.name(), d))
                            : s.values(d);
                    if (values.isEmpty()) {
                        continue;
                    }
                    g.writeArrayFieldStart(s.name());
                    for (String v : values) {
                        g.writeString(v);
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeRaw('\n');
        g.flush();
    }

    static String format(Dissection d, int occ) {
        return FieldFormatter.value(d, occ);
    }
}
