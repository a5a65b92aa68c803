package org.tunnellens.dissect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The packets where tshark 4.0 is known to be wrong, keyed "capture|frame|field", with the reason. */
final class AllowList {
    static final Path FILE = Path.of("src/test/resources/allowlist/tshark-4.0-differences.tsv");

    private AllowList() {
    }

    static Map<String, String> load() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FILE)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", 4);
            if (c.length < 4 || c[3].isBlank()) {
                throw new IllegalStateException(FILE + ": entry without a reason: " + line);
            }
            m.put(key(c[0], Integer.parseInt(c[1]), c[2]), c[3]);
        }
        return m;
    }

    static String key(String capture, int frame, String field) {
        return capture + "|" + frame + "|" + field;
    }
}
