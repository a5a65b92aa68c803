package org.tunnellens.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/** The packet list as CSV (RFC 4180), the columns as Wireshark's File > Export Packet Dissections > CSV names them. */
public final class CsvExport {
    public static final List<String> HEADER = List.of("No.", "Time", "Source", "Destination", "Protocol", "Length",
            "VNI", "Info");

    private CsvExport() {
    }

    public static void write(Path out, int count, IntFunction<List<String>> row) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            write(w, count, row);
        }
    }

    public static void write(Writer w, int count, IntFunction<List<String>> row) throws IOException {
        line(w, HEADER);
        for (int i = 0; i < count; i++) {
            line(w, row.apply(i));
        }
    }

    /** One row as tab-separated text, for the clipboard. */
    public static String tabbed(List<String> cells) {
        return String.join("\t", cells);
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                w.write(',');
            }
            w.write(quote(cells.get(c)));
        }
        w.write("\r\n");
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
