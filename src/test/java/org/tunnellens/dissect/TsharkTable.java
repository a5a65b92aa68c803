package org.tunnellens.dissect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A table in tshark's {@code -T fields -E header=y} layout: a header row of field names, one row per packet. */
record TsharkTable(List<String> fields, List<String[]> rows) {

    static TsharkTable read(Path tsv) throws IOException {
        return parse(Files.readAllLines(tsv));
    }

    static TsharkTable parse(List<String> lines) {
        List<String> header = List.of(lines.getFirst().split("\t", -1));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return new TsharkTable(header, rows);
    }

    String value(int row, int column) {
        String[] r = rows.get(row);
        return column < r.length ? r[column] : "";
    }
}
