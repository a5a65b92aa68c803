package org.tunnellens.dissect;

import java.util.Arrays;

/** One object per {@link StateKey}, made when first asked for. Not thread-safe: one per dissector or pass. */
public final class States {
    private final DissectorSession session;
    /** The dissector this one looks behind for: state marked shared is taken from it. */
    private final States lookBehindFor;
    private Object[] slots = new Object[8];

    public States(DissectorSession session) {
        this(session, null);
    }

    States(DissectorSession session, States lookBehindFor) {
        this.session = session;
        this.lookBehindFor = lookBehindFor;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(StateKey<T> key) {
        int i = key.index();
        if (i < slots.length && slots[i] != null) {
            return (T) slots[i];
        }
        T o = lookBehindFor != null && key.sharedWithLookBehind() ? lookBehindFor.get(key) : key.create(session);
        put(key, o);
        return o;
    }

    /** The state if it was made, else null (for a reader that must not create it). */
    @SuppressWarnings("unchecked")
    public <T> T peek(StateKey<T> key) {
        int i = key.index();
        return i < slots.length ? (T) slots[i] : null;
    }

    public <T> void put(StateKey<T> key, T value) {
        int i = key.index();
        if (i >= slots.length) {
            slots = Arrays.copyOf(slots, Math.max(i + 1, slots.length * 2));
        }
        slots[i] = value;
    }
}
