package org.tunnellens.dissect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Every field of every protocol, by id and by Wireshark name. Decoders declare their fields as static constants
 * through the factory methods here; {@link Protocols} loads every decoder so the registry is complete before
 * anyone looks a name up.
 */
public final class FieldRegistry {
    private static final List<FieldDef> BY_ID = new ArrayList<>();
    private static final Map<String, FieldDef> BY_NAME = new LinkedHashMap<>();

    private FieldRegistry() {
    }

    static synchronized FieldDef register(String abbrev, String label, FieldType type, Base base, int bits,
                                          LongFunction<String> names, boolean hidden) {
        if (BY_NAME.containsKey(abbrev)) {
            throw new IllegalStateException("field registered twice: " + abbrev);
        }
        FieldDef f = new FieldDef(BY_ID.size(), abbrev, label, type, base, bits, names, hidden);
        BY_ID.add(f);
        BY_NAME.put(abbrev, f);
        return f;
    }

    public static FieldDef protocol(String abbrev, String label) {
        return register(abbrev, label, FieldType.PROTOCOL, Base.NONE, 0, null, false);
    }

    static FieldDef hiddenProtocol(String abbrev, String label) {
        return register(abbrev, label, FieldType.PROTOCOL, Base.NONE, 0, null, true);
    }

    public static FieldDef uint(String abbrev, String label) {
        return register(abbrev, label, FieldType.UINT, Base.DEC, 0, null, false);
    }

    public static FieldDef uint(String abbrev, String label, LongFunction<String> names) {
        return register(abbrev, label, FieldType.UINT, Base.DEC, 0, names, false);
    }

    public static FieldDef hex(String abbrev, String label, int bits) {
        return register(abbrev, label, FieldType.UINT, Base.HEX, bits, null, false);
    }

    public static FieldDef hex(String abbrev, String label, int bits, LongFunction<String> names) {
        return register(abbrev, label, FieldType.UINT, Base.HEX, bits, names, false);
    }

    public static FieldDef flag(String abbrev, String label) {
        return register(abbrev, label, FieldType.BOOLEAN, Base.NONE, 0, null, false);
    }

    public static FieldDef ether(String abbrev, String label) {
        return register(abbrev, label, FieldType.ETHER, Base.NONE, 0, null, false);
    }

    public static FieldDef ipv4(String abbrev, String label) {
        return register(abbrev, label, FieldType.IPV4, Base.NONE, 0, null, false);
    }

    public static FieldDef ipv6(String abbrev, String label) {
        return register(abbrev, label, FieldType.IPV6, Base.NONE, 0, null, false);
    }

    public static FieldDef bytes(String abbrev, String label) {
        return register(abbrev, label, FieldType.BYTES, Base.NONE, 0, null, false);
    }

    public static FieldDef string(String abbrev, String label) {
        return register(abbrev, label, FieldType.STRING, Base.NONE, 0, null, false);
    }

    public static FieldDef text(String abbrev, String label) {
        return register(abbrev, label, FieldType.NONE, Base.NONE, 0, null, false);
    }

    /** A date and time, printed as tshark prints one: "Nov 14, 2023 22:13:10.000005000 UTC". */
    public static FieldDef absoluteTime(String abbrev, String label) {
        return register(abbrev, label, FieldType.ABSOLUTE_TIME, Base.NONE, 0, null, false);
    }

    /** A date and time printed as seconds since the epoch (Wireshark's ABSOLUTE_TIME_UNIX display). */
    public static FieldDef epochTime(String abbrev, String label) {
        return register(abbrev, label, FieldType.ABSOLUTE_TIME, Base.DEC, 0, null, false);
    }

    public static FieldDef relativeTime(String abbrev, String label) {
        return register(abbrev, label, FieldType.RELATIVE_TIME, Base.NONE, 0, null, false);
    }

    /** The field with this Wireshark name, or null. */
    public static FieldDef byName(String abbrev) {
        Protocols.ensureLoaded();
        synchronized (FieldRegistry.class) {
            return BY_NAME.get(abbrev);
        }
    }

    public static FieldDef byId(int id) {
        return BY_ID.get(id);
    }

    /** All fields in declaration order (for autocompletion and documentation). */
    public static List<FieldDef> all() {
        Protocols.ensureLoaded();
        synchronized (FieldRegistry.class) {
            return Collections.unmodifiableList(new ArrayList<>(BY_ID));
        }
    }
}
