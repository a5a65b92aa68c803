package org.tunnellens.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tunnellens.analysis.lvs.IpvsadmTextReport;
import org.tunnellens.analysis.lvs.LvsAnalysis;
import org.tunnellens.analysis.lvs.LvsAnalyzer;
import org.tunnellens.dissect.DecodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunnellens lvs}: the ipvsadm table and each connection of LVS-NAT, rebuilt from captures. */
@Command(name = "lvs", mixinStandardHelpOptions = true,
        description = "LVS-NAT from a client-side capture, a server-side capture, or both: virtual services, "
                + "real servers, connection pairing, health checks, sorry server, bypassed replies.")
public final class LvsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "capture file(s), pcap or pcapng")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json")
    String format;

    @Mixin
    DecodeOptions decode = new DecodeOptions();

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("tunnellens: unknown format \"" + format + "\" (text or json)");
            return 1;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        DecodeConfig config;
        try {
            config = decode.config();
        } catch (IllegalArgumentException e) {
            System.err.println("tunnellens: " + e.getMessage());
            return 1;
        }
        LvsAnalysis a = LvsAnalyzer.analyze(files, config);
        if (format.equals("json")) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .setSerializationInclusion(JsonInclude.Include.ALWAYS);
            out.println(m.writeValueAsString(a));
        } else {
            out.print(IpvsadmTextReport.render(a));
        }
        for (String p : a.problems()) {
            System.err.println("tunnellens: " + p);
        }
        return a.problems().isEmpty() ? 0 : 2;
    }
}
