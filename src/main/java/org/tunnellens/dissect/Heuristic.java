package org.tunnellens.dissect;

/**
 * A heuristic dissector (Wireshark's {@code heur_dissector_add}): looks at a payload no table claimed and says
 * whether its protocol is there.
 */
@FunctionalInterface
public interface Heuristic {
    boolean accepts(Dissection d, int off, int end);
}
