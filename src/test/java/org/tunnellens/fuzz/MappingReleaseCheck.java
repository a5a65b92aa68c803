package org.tunnellens.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tunnellens.capture.CaptureFile;

/**
 * For scripts/huge-file.sh: opens a capture, prints the packet count, heap used and how many of this process's
 * memory mappings (/proc/self/maps) show the file, then closes it and prints the mappings again (0 expected).
 * Exit status 1 when a mapping survives the close.
 */
public final class MappingReleaseCheck {
    private MappingReleaseCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toRealPath();
        long before = mappings(file);
        CaptureFile f = CaptureFile.open(file);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory();
        long open = mappings(file);
        System.out.printf("packets=%d size=%d problem=%s heapUsedMiB=%d maxHeapMiB=%d mappingsBefore=%d"
                        + " mappingsOpen=%d%n", f.packetCount(), f.size(), f.problem(), heap >> 20,
                rt.maxMemory() >> 20, before, open);
        f.close();
        long after = mappings(file);
        System.out.printf("mappingsAfterClose=%d%n", after);
        System.exit(open >= 1 && after == 0 ? 0 : 1);
    }

    private static long mappings(Path file) throws IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(l -> l.endsWith(file.toString())).count();
        }
    }
}
