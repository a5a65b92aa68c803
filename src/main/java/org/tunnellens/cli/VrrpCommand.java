package org.tunnellens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tunnellens.analysis.vrrp.VrrpAnalysis;
import org.tunnellens.analysis.vrrp.VrrpAnalyzer;
import org.tunnellens.analysis.vrrp.VrrpTextReport;
import org.tunnellens.dissect.DecodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunnellens vrrp}: keepalived's VRRP rebuilt from captures. */
@Command(name = "vrrp", mixinStandardHelpOptions = true,
        description = "Per VRID: adverts, master timeline, takeovers, resignations, pre-emption, split brain, "
                + "silent masters, gratuitous ARPs and configuration mismatches.")
public final class VrrpCommand implements Callable<Integer> {
    @Option(names = "-r", required = true, paramLabel = "FILE", arity = "1..*",
            description = "capture file(s), pcap or pcapng (repeatable; captures of one segment are merged)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json")
    String format;

    @Option(names = "--adverts", description = "with --format json: list every advert of every virtual router")
    boolean withAdverts;

    @Mixin
    DecodeOptions decode = new DecodeOptions();

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("tunnellens: unknown format \"" + format + "\" (text or json)");
            return 1;
        }
        DecodeConfig config;
        try {
            config = decode.config();
        } catch (IllegalArgumentException e) {
            System.err.println("tunnellens: " + e.getMessage());
            return 1;
        }
        VrrpAnalysis a = VrrpAnalyzer.analyze(files, config);
        if (format.equals("json")) {
            out.println(json(a, withAdverts));
        } else {
            out.print(VrrpTextReport.render(a));
        }
        for (String p : a.problems()) {
            System.err.println("tunnellens: " + p);
        }
        return a.problems().isEmpty() ? 0 : 2;
    }

    static String json(VrrpAnalysis a, boolean withAdverts) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> routers = new ArrayList<>();
        for (var r : a.routers()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> o = m.convertValue(r, LinkedHashMap.class);
            if (!withAdverts) {
                o.put("adverts", r.adverts().size());
            }
            routers.add(o);
        }
        root.put("routers", routers);
        root.put("events", a.events());
        root.put("problems", a.problems());
        return m.writeValueAsString(root);
    }
}
