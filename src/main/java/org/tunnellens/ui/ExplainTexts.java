package org.tunnellens.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The student-facing explanations shipped as {@code resources/explain/<protocol>.md}, one per protocol. A text may
 * name a field of the selected layer as {@code {vxlan.vni}} or {@code {vxlan.vni:hex}}; those are filled from the
 * packet so the text talks about this capture rather than capture in general.
 */
public final class ExplainTexts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_.\\-]+)(:hex)?}");
    private static final String MISSING = "";

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** The raw text for a protocol abbreviation ({@code vxlan}), or null when none is written. */
    public String template(String protocol) {
        String t = cache.computeIfAbsent(protocol, ExplainTexts::load);
        return t == MISSING ? null : t;
    }

    private static String load(String protocol) {
        if (!protocol.matches("[a-z0-9_\\-]+")) {
            return MISSING;
        }
        try (InputStream in = ExplainTexts.class.getResourceAsStream("/explain/" + protocol + ".md")) {
            return in == null ? MISSING : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text for a protocol with its placeholders filled from {@code values} (field name to its value as
     * tshark prints it). A placeholder whose field the packet lacks becomes "?" so the sentence still reads.
     */
    public String render(String protocol, Map<String, String> values) {
        String t = template(protocol);
        if (t == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            String out;
            if (v == null) {
                out = "?";
            } else if (m.group(2) != null) {
                out = toHex(v);
            } else {
                out = v;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(out));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String toHex(String decimal) {
        try {
            return "0x" + Long.toHexString(Long.parseLong(decimal));
        } catch (NumberFormatException e) {
            return decimal;
        }
    }
}
