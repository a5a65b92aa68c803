package org.tunnellens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tunnellens.analysis.vnimap.SegmentFact;
import org.tunnellens.analysis.vnimap.TopologyParser;
import org.tunnellens.analysis.vnimap.VniMapReport;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.DecodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunnellens vni-map}: VNIs on the wire against the segmentation IDs the configuration gives. */
@Command(name = "vni-map", mixinStandardHelpOptions = true,
        description = "Table of network, segmentation ID, VNI, local VLAN and VTEP pairs from configuration texts "
                + "(openstack network show, ovs-vsctl show, ovs-ofctl dump-flows, ip -d link show, onevnet show), "
                + "held against the VXLAN in the captures.")
public final class VniMapCommand implements Callable<Integer> {
    @Option(names = "-r", required = true, paramLabel = "FILE", description = "capture file (repeatable)")
    List<Path> captures = new ArrayList<>();

    @Option(names = "--topology", paramLabel = "[HOST=]FILE", description = "configuration text (repeatable)")
    List<String> topology = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json")
    String format;

    @Mixin
    DecodeOptions decode = new DecodeOptions();

    @Override
    public Integer call() throws IOException {
        DecodeConfig config;
        try {
            config = decode.config();
        } catch (IllegalArgumentException e) {
            System.err.println("tunnellens vni-map: " + e.getMessage());
            return 1;
        }
        List<SegmentFact> facts = new ArrayList<>();
        for (String t : topology) {
            int eq = t.indexOf('=');
            String host = eq > 0 ? t.substring(0, eq) : null;
            Path file = Path.of(eq > 0 ? t.substring(eq + 1) : t);
            if (!Files.isRegularFile(file)) {
                System.err.println("tunnellens vni-map: " + file + ": no such file");
                return 1;
            }
            String text = Files.readString(file);
            TopologyParser parser = TopologyParser.all().stream().filter(p -> p.accepts(text)).findFirst()
                    .orElse(null);
            if (parser == null) {
                System.err.println("tunnellens vni-map: " + file + ": not a format vni-map reads");
                return 1;
            }
            try {
                facts.addAll(parser.parse(text, file.toString(), host));
            } catch (IllegalArgumentException e) {
                System.err.println("tunnellens vni-map: " + e.getMessage());
                return 1;
            }
        }
        List<CaptureFile> open = new ArrayList<>();
        try {
            for (Path p : captures) {
                open.add(CaptureFile.open(p));
            }
            VniMapReport r = VniMapReport.build(facts, VniMapReport.observe(open, config));
            if (format.equals("json")) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("rows", r.rows());
                out.put("findings", r.findings());
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(out));
            } else {
                System.out.printf("%-10s %-10s %-20s %-16s %-34s %-10s %s%n", "VNI", "Hex", "Network", "Local VLAN",
                        "VTEP pairs expected / seen", "Ports", "Packets");
                for (VniMapReport.Row row : r.rows()) {
                    System.out.printf("%-10d %-10s %-20s %-16s %-34s %-10s %d%n", row.vni(), row.vniHex(),
                            String.join(",", row.networks()), row.localVlanByHost(),
                            String.join(",", row.expectedVtepPairs()) + " / " + String.join(",", row.seen().vtepPairs),
                            row.configuredPorts() + "/" + row.seen().ports, row.seen().packets);
                }
                for (VniMapReport.Finding f : r.findings()) {
                    System.out.println(f.kind() + ": " + f.message());
                }
                if (r.findings().isEmpty()) {
                    System.out.println("No mismatch between the configuration and the wire.");
                }
            }
            return r.findings().isEmpty() ? 0 : 3;
        } catch (CaptureException e) {
            System.err.println("tunnellens vni-map: " + e.getMessage());
            return 1;
        } finally {
            open.forEach(CaptureFile::close);
        }
    }
}
