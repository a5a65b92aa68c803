package org.tunnellens.dissect;

/**
 * What the first pass over a capture learned, as the columns read it in the second (tshark's {@code -2}): which
 * packet answers which, and each protocol's own findings under its {@link StateKey}.
 */
public interface PassResults {
    /** No first pass: "(reply in N)" and the like stay out of the Info column, as in tshark without -2. */
    PassResults NONE = new PassResults() {
        @Override
        public boolean covers(int packet) {
            return false;
        }

        @Override
        public int partnerOf(int packet) {
            return 0;
        }

        @Override
        public <T> T get(StateKey<T> key) {
            return null;
        }
    };

    /** Whether the pass ran over packet {@code packet} (0-based), so that "no response found" is a fact. */
    boolean covers(int packet);

    /** Frame number (1-based) of the packet that answers, or is answered by, packet {@code packet}; 0 for none. */
    int partnerOf(int packet);

    /** A protocol's findings, or null when the pass did not run or the protocol found nothing. */
    <T> T get(StateKey<T> key);
}
