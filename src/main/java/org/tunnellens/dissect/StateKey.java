package org.tunnellens.dissect;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Names one piece of state a protocol keeps across packets (Wireshark's conversation data): TCP's sequence bases,
 * IPv4's fragments, ICMP's open requests. A dissector or a first pass holds one instance per key, made on first
 * use; the key's index makes the lookup an array access.
 */
public final class StateKey<T> {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final String name;
    private final Function<DissectorSession, T> factory;
    private final boolean sharedWithLookBehind;
    private final int index;

    private StateKey(String name, Function<DissectorSession, T> factory, boolean sharedWithLookBehind) {
        this.name = name;
        this.factory = factory;
        this.sharedWithLookBehind = sharedWithLookBehind;
        this.index = NEXT.getAndIncrement();
    }

    public static <T> StateKey<T> of(String name, Supplier<T> factory) {
        return new StateKey<>(name, s -> factory.get(), false);
    }

    /**
     * State made from the dissector's session (the file, earlier packets), and shared with the dissector that looks
     * behind for a reassembly, so the pieces that one finds are the ones this one reassembles.
     */
    public static <T> StateKey<T> ofSession(String name, Function<DissectorSession, T> factory) {
        return new StateKey<>(name, factory, true);
    }

    int index() {
        return index;
    }

    boolean sharedWithLookBehind() {
        return sharedWithLookBehind;
    }

    T create(DissectorSession session) {
        return factory.apply(session);
    }

    @Override
    public String toString() {
        return name;
    }
}
