package org.tunnellens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tunnellens.analysis.stats.CaptureStatistics;
import org.tunnellens.capture.CaptureException;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.DecodeConfig;
import org.tunnellens.dissect.PacketDissector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunnellens stats}: protocol hierarchy, conversations and the VNI table of a capture. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Protocol hierarchy (like tshark -z io,phs), IPv4/TCP/UDP conversations (outer and inner"
                + " apart) and the VXLAN VNI table.")
public final class StatsCommand implements Callable<Integer> {

    @Option(names = "-r", required = true, paramLabel = "FILE", description = "capture file (pcap or pcapng)")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json")
    String format;

    @Option(names = "--only", paramLabel = "TABLE", split = ",",
            description = "print only these tables: phs, conversations, vni (default: all)")
    List<String> only = new ArrayList<>(List.of("phs", "conversations", "vni"));

    @Mixin
    DecodeOptions decode = new DecodeOptions();

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("tunnellens: unknown format \"" + format + "\" (text or json)");
            return 1;
        }
        for (String t : only) {
            if (!List.of("phs", "conversations", "vni").contains(t)) {
                System.err.println("tunnellens: unknown table \"" + t + "\" (phs, conversations, vni)");
                return 1;
            }
        }
        DecodeConfig config;
        try {
            config = decode.config();
        } catch (IllegalArgumentException e) {
            System.err.println("tunnellens: " + e.getMessage());
            return 1;
        }
        try (CaptureFile f = CaptureFile.open(file)) {
            CaptureStatistics s = CaptureStatistics.of(f, new PacketDissector(f, config));
            if (format.equals("json")) {
                Map<String, Object> m = new LinkedHashMap<>();
                if (only.contains("phs")) {
                    m.put("protocol_hierarchy", s.hierarchy().toJson());
                }
                if (only.contains("conversations")) {
                    m.put("conversations", s.conversations().toJson());
                }
                if (only.contains("vni")) {
                    m.put("vnis", s.vnis().toJson());
                }
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            } else {
                if (only.contains("phs")) {
                    System.out.print(s.hierarchy().text());
                }
                if (only.contains("conversations")) {
                    System.out.println("\nConversations (depth: outer = underlay, inner = inside a tunnel)");
                    System.out.print(s.conversations().text());
                }
                if (only.contains("vni")) {
                    System.out.println("\nVXLAN Network Identifiers");
                    String v = s.vnis().text();
                    System.out.print(v.isEmpty() ? "  (no VXLAN packets)\n" : v);
                }
            }
            if (f.problem() != null) {
                System.err.println("tunnellens: " + f.problem().message() + "; statistics cover the "
                        + f.packetCount() + " packets before it");
                return 2;
            }
            return 0;
        } catch (CaptureException e) {
            System.err.println("tunnellens: " + e.getMessage());
            return 2;
        }
    }
}
