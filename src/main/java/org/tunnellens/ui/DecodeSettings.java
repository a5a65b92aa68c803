package org.tunnellens.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tunnellens.dissect.DecodeAsRule;
import org.tunnellens.dissect.DecodeConfig;

/**
 * The user's decode configuration (Decode As rules and heuristics), kept between runs in the files Wireshark uses
 * for the same purpose, in the user's configuration directory: {@code decode_as_entries} with lines such as
 * {@code decode_as_entry: udp.port,8473,(none),vxlan}, and {@code heuristic_protos} with lines such as
 * {@code vxlan_udp,0}. Every capture tab decodes with {@link #current()}.
 */
public final class DecodeSettings {
    private static final Logger LOG = LoggerFactory.getLogger(DecodeSettings.class);
    private static volatile DecodeConfig current;

    private DecodeSettings() {
    }

    /** The configuration directory: {@code $XDG_CONFIG_HOME/tunnellens} or {@code ~/.config/tunnellens}. */
    public static Path directory() {
        String override = System.getProperty("tunnellens.config.dir");
        if (override != null) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("tunnellens");
    }

    public static DecodeConfig current() {
        DecodeConfig c = current;
        if (c == null) {
            c = load(directory());
            current = c;
        }
        return c;
    }

    /** Makes {@code config} the one every tab decodes with, and saves it. */
    public static void set(DecodeConfig config) throws IOException {
        save(directory(), config);
        current = config;
    }

    /** Reads the two files; a line that no longer parses is skipped and logged, so a bad line never stops the app. */
    static DecodeConfig load(Path dir) {
        DecodeConfig c = DecodeConfig.defaults();
        for (String line : lines(dir.resolve("decode_as_entries"))) {
            String l = line.strip();
            if (!l.startsWith("decode_as_entry:")) {
                continue;
            }
            String[] parts = l.substring("decode_as_entry:".length()).strip().split(",");
            if (parts.length != 4) {
                LOG.warn("{}: skipped \"{}\" (expected table,value,default,protocol)", dir, l);
                continue;
            }
            try {
                c = c.withDecodeAs(parts[0].strip() + "==" + parts[1].strip() + "," + parts[3].strip());
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: skipped \"{}\": {}", dir, l, e.getMessage());
            }
        }
        for (String line : lines(dir.resolve("heuristic_protos"))) {
            String[] parts = line.strip().split(",");
            if (parts.length != 2 || line.startsWith("#")) {
                continue;
            }
            try {
                c = c.withHeuristic(parts[0].strip(), parts[1].strip().equals("1"));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: skipped \"{}\": {}", dir, line, e.getMessage());
            }
        }
        return c;
    }

    static void save(Path dir, DecodeConfig c) throws IOException {
        Files.createDirectories(dir);
        List<String> rules = new ArrayList<>();
        rules.add("# Decode As rules, one per line: table,value,default,protocol (written by TunnelLens)");
        for (DecodeAsRule r : c.decodeAs()) {
            String value = r.from() == r.to() ? Integer.toString(r.from()) : r.from() + "-" + r.to();
            rules.add("decode_as_entry: " + r.table() + "," + value + ",(none)," + r.protocol());
        }
        Files.write(dir.resolve("decode_as_entries"), rules, StandardCharsets.UTF_8);
        List<String> heur = new ArrayList<>();
        heur.add("# Heuristic dissectors switched from their default: name,1 (on) or name,0 (off)");
        for (Map.Entry<String, Boolean> e : c.heuristics().entrySet()) {
            heur.add(e.getKey() + "," + (e.getValue() ? "1" : "0"));
        }
        Files.write(dir.resolve("heuristic_protos"), heur, StandardCharsets.UTF_8);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", p, e.getMessage());
            return List.of();
        }
    }
}
