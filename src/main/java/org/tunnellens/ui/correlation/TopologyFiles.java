package org.tunnellens.ui.correlation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tunnellens.analysis.vnimap.SegmentFact;
import org.tunnellens.analysis.vnimap.TopologyParser;

/**
 * Configuration texts loaded for the VNI table, read with the vni-map parsers. A file no parser recognises (a ping
 * log picked up with a glob) is reported and skipped rather than failing the others.
 *
 * @param facts    what the recognised files say
 * @param read     the files that were recognised
 * @param problems one line per file that was not: its name and why
 */
public record TopologyFiles(List<SegmentFact> facts, List<Path> read, List<String> problems) {
    /** A capture picked by mistake is refused before it is read: real configuration dumps are kilobytes. */
    static final long MAX_BYTES = 8L << 20;

    public static TopologyFiles none() {
        return new TopologyFiles(List.of(), List.of(), List.of());
    }

    public static TopologyFiles read(List<Path> files) {
        List<SegmentFact> facts = new ArrayList<>();
        List<Path> read = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path p : files) {
            String text;
            try {
                if (Files.size(p) > MAX_BYTES) {
                    problems.add(p.getFileName() + ": " + Files.size(p) + " bytes, too big for a configuration text");
                    continue;
                }
                text = Files.readString(p);
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.add(p.getFileName() + ": cannot read (" + e.getMessage() + ")");
                continue;
            }
            TopologyParser parser = TopologyParser.all().stream().filter(t -> t.accepts(text)).findFirst()
                    .orElse(null);
            if (parser == null) {
                problems.add(p.getFileName() + ": not a format vni-map reads");
                continue;
            }
            try {
                facts.addAll(parser.parse(text, p.getFileName().toString(), null));
                read.add(p);
            } catch (IllegalArgumentException e) {
                problems.add(p.getFileName() + ": " + e.getMessage());
            }
        }
        return new TopologyFiles(List.copyOf(facts), List.copyOf(read), List.copyOf(problems));
    }

    /** This set plus {@code more}, for a second load that adds files. */
    public TopologyFiles plus(TopologyFiles more) {
        List<SegmentFact> f = new ArrayList<>(facts);
        f.addAll(more.facts);
        List<Path> r = new ArrayList<>(read);
        r.addAll(more.read);
        List<String> p = new ArrayList<>(problems);
        p.addAll(more.problems);
        return new TopologyFiles(List.copyOf(f), List.copyOf(r), List.copyOf(p));
    }
}
