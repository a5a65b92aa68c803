package org.tunnellens.dissect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The fields one protocol declares, in declaration order: Wireshark's {@code hf_register_info} array. A protocol
 * class fills one list in its static constants and hands it to {@link Protocol}; {@link Protocols} registers the
 * lists in its catalogue's order, which gives every field its id.
 */
public final class Fields {
    private final List<FieldDef> list = new ArrayList<>();
    private final Map<String, FieldDef[]> aliases = new LinkedHashMap<>();

    private FieldDef add(String abbrev, String label, FieldType type, Base base, int bits,
                         LongFunction<String> names, boolean hidden) {
        FieldDef f = new FieldDef(abbrev, label, type, base, bits, names, hidden);
        list.add(f);
        return f;
    }

    public FieldDef protocol(String abbrev, String label) {
        return add(abbrev, label, FieldType.PROTOCOL, Base.NONE, 0, null, false);
    }

    /** A protocol shown in {@code frame.protocols} only, never in the tree's text (tshark's "ethertype"). */
    public FieldDef hiddenProtocol(String abbrev, String label) {
        return add(abbrev, label, FieldType.PROTOCOL, Base.NONE, 0, null, true);
    }

    public FieldDef uint(String abbrev, String label) {
        return add(abbrev, label, FieldType.UINT, Base.DEC, 0, null, false);
    }

    public FieldDef uint(String abbrev, String label, LongFunction<String> names) {
        return add(abbrev, label, FieldType.UINT, Base.DEC, 0, names, false);
    }

    public FieldDef hex(String abbrev, String label, int bits) {
        return add(abbrev, label, FieldType.UINT, Base.HEX, bits, null, false);
    }

    public FieldDef hex(String abbrev, String label, int bits, LongFunction<String> names) {
        return add(abbrev, label, FieldType.UINT, Base.HEX, bits, names, false);
    }

    public FieldDef flag(String abbrev, String label) {
        return add(abbrev, label, FieldType.BOOLEAN, Base.NONE, 0, null, false);
    }

    public FieldDef ether(String abbrev, String label) {
        return add(abbrev, label, FieldType.ETHER, Base.NONE, 0, null, false);
    }

    public FieldDef ipv4(String abbrev, String label) {
        return add(abbrev, label, FieldType.IPV4, Base.NONE, 0, null, false);
    }

    public FieldDef ipv6(String abbrev, String label) {
        return add(abbrev, label, FieldType.IPV6, Base.NONE, 0, null, false);
    }

    public FieldDef bytes(String abbrev, String label) {
        return add(abbrev, label, FieldType.BYTES, Base.NONE, 0, null, false);
    }

    public FieldDef string(String abbrev, String label) {
        return add(abbrev, label, FieldType.STRING, Base.NONE, 0, null, false);
    }

    /** A text-only tree line with no value (Wireshark's FT_NONE). */
    public FieldDef text(String abbrev, String label) {
        return add(abbrev, label, FieldType.NONE, Base.NONE, 0, null, false);
    }

    /** A date and time, printed as tshark prints one: "Nov 14, 2023 22:13:10.000005000 UTC". */
    public FieldDef absoluteTime(String abbrev, String label) {
        return add(abbrev, label, FieldType.ABSOLUTE_TIME, Base.NONE, 0, null, false);
    }

    /** A date and time printed as seconds since the epoch (Wireshark's ABSOLUTE_TIME_UNIX display). */
    public FieldDef epochTime(String abbrev, String label) {
        return add(abbrev, label, FieldType.ABSOLUTE_TIME, Base.DEC, 0, null, false);
    }

    public FieldDef relativeTime(String abbrev, String label) {
        return add(abbrev, label, FieldType.RELATIVE_TIME, Base.NONE, 0, null, false);
    }

    /**
     * One of Wireshark's "either end" filter names, standing for several fields: {@code ip.addr} is {@code ip.src}
     * or {@code ip.dst}. It has no values of its own.
     */
    public void alias(String name, FieldDef... standsFor) {
        aliases.put(name, standsFor.clone());
    }

    public List<FieldDef> all() {
        return Collections.unmodifiableList(list);
    }

    Map<String, FieldDef[]> aliases() {
        return aliases;
    }
}
