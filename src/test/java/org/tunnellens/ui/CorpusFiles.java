package org.tunnellens.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The public test captures and the tshark 4.0.17 columns recorded next to each. */
final class CorpusFiles {
    static final Path ROOT = Path.of("src/test/resources/corpus/public");
    static final Path VXLAN_4789 = Path.of("samples/corpus/vxlan-4789.pcap");

    private CorpusFiles() {
    }

    static Path capture(String relative) {
        return ROOT.resolve(relative);
    }

    /** tshark's rows (without the header) split into columns; repeated fields stay comma-separated. */
    static List<String[]> tshark(String relative) {
        try {
            List<String> lines = Files.readAllLines(ROOT.resolve(relative + ".tshark.tsv"));
            return lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The innermost (last) value of a repeated tshark field, or "". */
    static String innermost(String cell) {
        int comma = cell.lastIndexOf(',');
        return comma < 0 ? cell : cell.substring(comma + 1);
    }
}
