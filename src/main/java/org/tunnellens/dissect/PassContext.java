package org.tunnellens.dissect;

/** What a protocol's first-pass hook may do: link a request with its answer and keep its own state. */
public interface PassContext {
    /** The packet being looked at (0-based). */
    int packet();

    /** Links two packets (0-based) as request and response; a packet keeps its first partner. */
    void pair(int request, int response);

    /** The protocol's state for this pass, made on first use; it is what {@link PassResults#get} returns later. */
    <T> T state(StateKey<T> key);
}
