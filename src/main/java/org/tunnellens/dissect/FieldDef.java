package org.tunnellens.dissect;

import java.util.function.LongFunction;

/**
 * One field, declared once: its Wireshark filter name ({@code vxlan.vni}), label, type and display. The filter
 * compiler, the detail tree, the hex highlighting and the CLI columns all read this one definition.
 *
 * @param bits      for hex display, the width of the underlying integer in bits (8, 16, 24, 32) as tshark pads it
 * @param names     value names for the tree ({@code 1 -> "request"}), or null
 * @param hidden    true for pseudo-protocols shown in {@code frame.protocols} only (tshark's "ethertype")
 */
public record FieldDef(int id, String abbrev, String label, FieldType type, Base base, int bits,
                       LongFunction<String> names, boolean hidden) {

    public boolean isProtocol() {
        return type == FieldType.PROTOCOL;
    }

    /** The protocol prefix of the abbreviation ({@code ip} for {@code ip.src}). */
    public String protocolName() {
        int dot = abbrev.indexOf('.');
        return dot < 0 ? abbrev : abbrev.substring(0, dot);
    }
}
