package org.tunnellens.dissect;

/**
 * One "Decode As" rule in tshark's {@code -d} syntax: {@code udp.port==8473,vxlan}, a range
 * {@code udp.port==8000-8010,vxlan}, {@code tcp.port}, {@code ethertype==0x88b5,eth} or {@code ip.proto==253,data}.
 */
public record DecodeAsRule(String table, int from, int to, String protocol) {

    public static DecodeAsRule parse(String rule) {
        String r = rule.replace(" ", "");
        int eq = r.indexOf("==");
        int comma = r.lastIndexOf(',');
        if (eq < 0 || comma < eq) {
            throw new IllegalArgumentException("decode-as rule \"" + rule
                    + "\" is not of the form udp.port==N,protocol");
        }
        String table = r.substring(0, eq);
        String proto = r.substring(comma + 1);
        String value = r.substring(eq + 2, comma);
        int max = switch (table) {
            case "udp.port", "tcp.port", "ethertype" -> 65535;
            case "ip.proto" -> 255;
            default -> throw new IllegalArgumentException("decode-as rule \"" + rule + "\": table \"" + table
                    + "\" is not supported (udp.port, tcp.port, ethertype or ip.proto)");
        };
        int dash = value.indexOf('-', 1);
        int from = number(rule, dash < 0 ? value : value.substring(0, dash));
        int to = dash < 0 ? from : number(rule, value.substring(dash + 1));
        if (from < 0 || to > max || to < from) {
            throw new IllegalArgumentException("decode-as rule \"" + rule + "\": " + value + " is out of range");
        }
        if (proto.isEmpty()) {
            throw new IllegalArgumentException("decode-as rule \"" + rule + "\" names no protocol");
        }
        return new DecodeAsRule(table, from, to, proto);
    }

    private static int number(String rule, String s) {
        try {
            return s.startsWith("0x") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            String what = "ethertype".equals(s) ? "a number" : "a port number";
            throw new IllegalArgumentException("decode-as rule \"" + rule + "\": \"" + s + "\" is not " + what);
        }
    }

    @Override
    public String toString() {
        return table + "==" + (from == to ? Integer.toString(from) : from + "-" + to) + "," + protocol;
    }
}
