package org.tunnellens.analysis.vnimap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openstack network show} as its table or {@code -f json}: vxlan networks' segmentation IDs. Broken JSON
 * is an {@link IllegalArgumentException} naming the file and offset.
 */
public final class OpenStackNetworkShowParser implements TopologyParser {
    private static final Pattern ROW = Pattern.compile("(?m)^\\|\\s*([\\w:]+)\\s*\\|\\s*(.*?)\\s*\\|\\s*$");

    @Override
    public boolean accepts(String text) {
        return text.contains("provider:segmentation_id");
    }

    @Override
    public List<SegmentFact> parse(String text, String source, String host) {
        List<SegmentFact> out = new ArrayList<>();
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode root = new ObjectMapper().readTree(trimmed);
                for (JsonNode n : root.isArray() ? root : List.of(root)) {
                    add(out, source, host, n.path("name").asText(null), n.path("provider:network_type").asText(""),
                            n.path("provider:segmentation_id").asText(""));
                }
            } catch (JsonProcessingException e) {
                var loc = e.getLocation();
                throw new IllegalArgumentException(source + ": not valid JSON at byte offset "
                        + (loc == null ? "?" : loc.getCharOffset()) + " (line " + (loc == null ? "?" : loc.getLineNr())
                        + "): " + e.getOriginalMessage());
            }
            return out;
        }
        String name = null;
        String type = "";
        String seg = "";
        Matcher m = ROW.matcher(text);
        while (m.find()) {
            switch (m.group(1)) {
                case "name" -> name = m.group(2);
                case "provider:network_type" -> type = m.group(2);
                case "provider:segmentation_id" -> seg = m.group(2);
                default -> { }
            }
        }
        add(out, source, host, name, type, seg);
        return out;
    }

    private static void add(List<SegmentFact> out, String source, String host, String name, String type, String seg) {
        if (type.equalsIgnoreCase("vxlan") && seg.matches("\\d+")) {
            out.add(new SegmentFact(source, host, name, Integer.parseInt(seg), -1, -1, null, null));
        }
    }
}
