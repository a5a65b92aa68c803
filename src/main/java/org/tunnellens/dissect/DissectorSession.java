package org.tunnellens.dissect;

import java.lang.foreign.MemorySegment;

/** What state made by {@link StateKey#ofSession} may ask of the dissector that owns it. */
public interface DissectorSession {
    /** The whole capture file as mapped. */
    MemorySegment fileData();

    /** The file's size now: it may have been truncated since it was opened. */
    long fileSizeNow();

    /** Whether this dissector has dissected packet {@code packet} (0-based) before. */
    boolean visited(int packet);

    /** Dissects an earlier packet with a second dissector that shares the look-behind state, to find its pieces. */
    void dissectEarlier(int packet);
}
