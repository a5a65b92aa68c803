package org.tunnellens.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last opened captures, newest first, kept in a small text file (one path a line) between runs. */
public final class RecentFiles {
    static final int MAX = 10;

    private final Path store;
    private final List<Path> files = new ArrayList<>();

    public RecentFiles(Path store) {
        this.store = store;
        try {
            if (Files.isRegularFile(store)) {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && files.size() < MAX) {
                        files.add(Path.of(line.strip()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged list is not worth a warning: it only costs the menu its entries
            files.clear();
        }
    }

    /** The default store, under the user's config directory. */
    public static RecentFiles forUser() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new RecentFiles(base.resolve("tunnellens").resolve("recent-files.txt"));
    }

    public List<Path> list() {
        return List.copyOf(files);
    }

    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        files.remove(p);
        files.add(0, p);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        try {
            Files.createDirectories(store.getParent());
            Files.write(store, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // read-only home: the list still works for this session
        }
    }
}
