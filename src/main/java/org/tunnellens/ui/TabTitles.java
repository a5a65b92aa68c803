package org.tunnellens.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tab names that tell captures apart: the file name alone, or as many parent folders as it takes to make it unique
 * among the open tabs ({@code lvs-nat/client-eth0.pcap} next to {@code variant-b/lvs-nat/client-eth0.pcap}).
 */
public final class TabTitles {
    private TabTitles() {
    }

    public static List<String> unique(List<Path> files) {
        List<Path> abs = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        int[] depth = new int[abs.size()];
        List<String> names = new ArrayList<>();
        for (int round = 0; round < 16; round++) {
            names.clear();
            for (int i = 0; i < abs.size(); i++) {
                names.add(tail(abs.get(i), depth[i] + 1));
            }
            Map<String, Integer> seen = new HashMap<>();
            names.forEach(n -> seen.merge(n, 1, Integer::sum));
            boolean clash = false;
            for (int i = 0; i < abs.size(); i++) {
                if (seen.get(names.get(i)) > 1 && depth[i] + 1 < abs.get(i).getNameCount()) {
                    depth[i]++;
                    clash = true;
                }
            }
            if (!clash) {
                break;
            }
        }
        return names;
    }

    private static String tail(Path p, int parts) {
        int n = p.getNameCount();
        return p.subpath(Math.max(0, n - parts), n).toString();
    }
}
