package org.tunnellens.analysis.lvs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the IPVS scheduler from the order in which new connections went to real servers. Servers join and leave
 * the pool (failed checks), so the order is judged only while the set of servers in use stays the same: inside
 * such a stretch round robin never repeats a server within one turn of the pool.
 */
record SchedulerGuess(String name, String detail) {

    static SchedulerGuess of(List<String> order) {
        Set<String> distinct = new LinkedHashSet<>(order);
        if (distinct.isEmpty()) {
            return new SchedulerGuess("unknown", "no connection reached a real server");
        }
        if (distinct.size() == 1) {
            return new SchedulerGuess("single", "every connection went to " + order.getFirst());
        }
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            first.putIfAbsent(order.get(i), i);
            last.put(order.get(i), i);
        }
        boolean judged = false;
        boolean roundRobin = true;
        boolean periodic = true;
        Map<String, Integer> weights = new LinkedHashMap<>();
        int start = 0;
        while (start < order.size()) {
            Set<String> pool = active(order, first, last, start);
            int end = start;
            while (end + 1 < order.size() && active(order, first, last, end + 1).equals(pool)) {
                end++;
            }
            List<String> stretch = order.subList(start, end + 1);
            if (pool.size() >= 2 && stretch.size() >= 2) {
                judged = true;
                if (!noRepeatWithin(stretch, pool.size())) {
                    roundRobin = false;
                    int p = period(stretch);
                    if (p < 0) {
                        periodic = false;
                    } else {
                        for (String s : stretch.subList(0, p)) {
                            weights.merge(s, 1, Integer::sum);
                        }
                    }
                }
            }
            start = end + 1;
        }
        String seq = String.join(" ", order.size() > 12 ? order.subList(0, 12) : order) + (order.size() > 12 ? " ..." : "");
        if (!judged) {
            return new SchedulerGuess("unknown", "too few connections while several servers were in use: " + seq);
        }
        if (roundRobin) {
            return new SchedulerGuess("rr", "each server in turn while the pool was stable: " + seq);
        }
        if (periodic && !weights.isEmpty()) {
            return new SchedulerGuess("wrr", "repeating pattern with weights " + weights + ": " + seq);
        }
        return new SchedulerGuess("unknown", "no round-robin pattern: " + seq);
    }

    private static Set<String> active(List<String> order, Map<String, Integer> first, Map<String, Integer> last,
                                      int i) {
        Set<String> s = new LinkedHashSet<>();
        for (String server : first.keySet()) {
            if (first.get(server) <= i && last.get(server) >= i) {
                s.add(server);
            }
        }
        return s;
    }

    private static boolean noRepeatWithin(List<String> stretch, int n) {
        int w = Math.min(n, stretch.size());
        for (int i = 0; i + w <= stretch.size(); i++) {
            if (new LinkedHashSet<>(stretch.subList(i, i + w)).size() != w) {
                return false;
            }
        }
        return true;
    }

    /** The shortest period of the sequence that repeats at least twice, or -1. */
    private static int period(List<String> s) {
        for (int p = 2; p * 2 <= s.size(); p++) {
            boolean ok = true;
            for (int i = p; i < s.size() && ok; i++) {
                ok = s.get(i).equals(s.get(i - p));
            }
            if (ok) {
                return p;
            }
        }
        return -1;
    }

    static List<String> servers(List<LvsConnection> conns) {
        List<String> l = new ArrayList<>();
        conns.forEach(c -> l.add(c.realServer() + ":" + c.rport()));
        return l;
    }
}
