package org.tunnellens.filter;

import org.tunnellens.dissect.Dissection;

/**
 * A compiled Wireshark display filter. Compile once, then test each dissected packet: matching walks a tree of small
 * matcher objects over field ids and allocates nothing per packet (except for {@code matches} regular expressions).
 * Supported: field and protocol names alone, {@code == != === ~= < > <= >=} and {@code eq ne lt gt le ge},
 * {@code and or not && || !}, parentheses, {@code in {…}} sets with {@code a..b} ranges, {@code contains},
 * {@code matches}, CIDR for addresses, the either-end pseudo-fields and the layer operator {@code ip.src#2}.
 */
public final class DisplayFilter {
    private final String text;
    private final Matcher root;

    private DisplayFilter(String text, Matcher root) {
        this.text = text;
        this.root = root;
    }

    /** Compiles a filter; an empty text matches every packet. */
    public static DisplayFilter compile(String text) throws FilterException {
        return new DisplayFilter(text, FilterParser.parse(text == null ? "" : text));
    }

    public boolean matches(Dissection d) {
        return root.matches(d);
    }

    public String text() {
        return text;
    }

    /** True for the empty filter (every packet matches). */
    public boolean isEmpty() {
        return root instanceof LogicalMatchers.All;
    }
}
