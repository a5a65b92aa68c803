package org.tunnellens.dissect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tunnellens.capture.CaptureFile;
import org.tunnellens.dissect.column.FieldSelector;
import org.tunnellens.dissect.column.PacketSummary;

/**
 * tshark run live as the oracle: its {@code -T fields} values for a capture (every occurrence, comma-joined), and
 * ours for the same fields, packet by packet, so a test states what differs.
 */
public final class TsharkOracle {
    private TsharkOracle() {
    }

    /** tshark's rows (one per packet, one column per field), read with {@code -n} and the extra arguments. */
    public static List<String[]> fields(Path capture, List<String> fields, String... extraArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(), "-T", "fields",
                "-E", "occurrence=a", "-E", "aggregator=,", "-E", "separator=/t"));
        cmd.addAll(List.of(extraArgs));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /**
     * Every cell where our value differs from tshark's, as "frame N field: tshark 'x' ours 'y'" (empty when all
     * agree). The packets compared are those tshark prints: all of them, or those a {@code -Y} in the extra
     * arguments selects.
     */
    public static List<String> differences(Path capture, List<String> fields, DecodeConfig config,
                                           String... extraArgs) throws Exception {
        List<String> withNumber = new ArrayList<>();
        withNumber.add("frame.number");
        withNumber.addAll(fields);
        List<String[]> expected = fields(capture, withNumber, extraArgs);
        boolean filtered = List.of(extraArgs).contains("-Y");
        List<String> diffs = new ArrayList<>();
        try (CaptureFile f = CaptureFile.open(capture)) {
            PacketDissector dissector = new PacketDissector(f, config);
            PacketSummary columns = new PacketSummary(f);
            FieldSelector[] selectors = new FieldSelector[fields.size()];
            for (int c = 0; c < selectors.length; c++) {
                selectors[c] = PacketSummary.isColumn(fields.get(c)) ? null : FieldSelector.resolve(fields.get(c));
                if (selectors[c] == null && !PacketSummary.isColumn(fields.get(c))) {
                    throw new IllegalArgumentException("we do not know the field " + fields.get(c));
                }
            }
            for (String[] row : expected) {
                int p = Integer.parseInt(row[0]) - 1;
                if (p >= f.packetCount()) {
                    diffs.add("tshark has frame " + (p + 1) + ", we read " + f.packetCount() + " packets");
                    continue;
                }
                Dissection d = dissector.dissect(p);
                for (int c = 0; c < fields.size(); c++) {
                    String want = c + 1 < row.length ? row[c + 1] : "";
                    String got = selectors[c] == null ? columns.column(fields.get(c), d)
                            : String.join(",", selectors[c].values(d));
                    if (!want.equals(got)) {
                        diffs.add("frame " + (p + 1) + " " + fields.get(c) + ": tshark '" + want + "' ours '" + got
                                + "'");
                    }
                }
            }
            if (!filtered && expected.size() != f.packetCount()) {
                diffs.add("tshark read " + expected.size() + " packets, we read " + f.packetCount());
            }
        }
        return diffs;
    }
}
