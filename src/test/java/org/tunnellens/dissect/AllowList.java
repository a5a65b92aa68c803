package org.tunnellens.dissect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The packets where tshark 4.0 is known to be wrong, keyed "capture|frame|field", with the reason. */
final class AllowList {
    static final Path FILE = Path.of("src/test/resources/allowlist/tshark-4.0-differences.tsv");
    /** Our own known gaps (features tshark has and we lack yet): same layout, field "*" for the whole packet. */
    static final Path GAPS = Path.of("src/test/resources/allowlist/known-gaps.tsv");

    private AllowList() {
    }

    static Map<String, String> load() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        read(FILE, m);
        return m;
    }

    static Map<String, String> loadGaps() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        read(GAPS, m);
        return m;
    }

    private static void read(Path file, Map<String, String> m) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", 4);
            if (c.length < 4 || c[3].isBlank()) {
                throw new IllegalStateException(file + ": entry without a reason: " + line);
            }
            m.put(key(c[0], Integer.parseInt(c[1]), c[2]), c[3]);
        }
    }

    static String key(String capture, int frame, String field) {
        return capture + "|" + frame + "|" + field;
    }
}
