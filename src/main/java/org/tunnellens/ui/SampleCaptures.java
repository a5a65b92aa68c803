package org.tunnellens.ui;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled lab captures: every .pcap/.pcapng under {@code samples/}, looked for in the working directory and
 * next to the jar, so that both {@code java -jar target/tunnellens.jar} from the project and an unpacked release
 * find them.
 */
public final class SampleCaptures {
    private SampleCaptures() {
    }

    public static List<Path> find() {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of("samples"));
        Path jarDir = jarDirectory();
        if (jarDir != null) {
            roots.add(jarDir.resolve("samples"));
            roots.add(jarDir.resolveSibling("samples"));
        }
        for (Path root : roots) {
            List<Path> found = find(root);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** Capture files under {@code root}, sorted by path so the menu is stable. */
    public static List<Path> find(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root, 4)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".pcap") || n.endsWith(".pcapng");
                    })
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path jarDirectory() {
        try {
            Path p = Path.of(SampleCaptures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p.getParent() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
