package org.tunnellens.analysis.correlation;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/** Writes a {@link CorrelationResult} as the {@code correlate} command's text or JSON. */
public final class CorrelationReport {
    private CorrelationReport() {
    }

    public static String ipv4(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 0xff) + "." + (a >>> 8 & 0xff) + "." + (a & 0xff);
    }

    public static void writeJson(JsonGenerator g, CorrelationResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("outerFile", r.outerFile().toString());
        g.writeStringField("innerFile", r.innerFile().toString());
        PairTable p = r.pairs();
        g.writeArrayFieldStart("pairs");
        for (int i = 0; i < p.size(); i++) {
            g.writeStartObject();
            g.writeNumberField("outerFrame", p.outerFrame(i));
            g.writeNumberField("innerFrame", p.innerFrame(i));
            g.writeNumberField("vni", p.vni(i));
            g.writeStringField("outerSrc", ipv4(p.outerSrc(i)));
            g.writeStringField("outerDst", ipv4(p.outerDst(i)));
            g.writeStringField("direction", p.direction(i).key());
            g.writeNumberField("deltaMicros", micros(p.deltaNanos(i)));
            g.writeEndObject();
        }
        g.writeEndArray();
        writeUnpaired(g, "unpairedOuter", r.unpairedOuter());
        writeUnpaired(g, "unpairedInner", r.unpairedInner());
        CorrelationSummary s = r.summary();
        g.writeObjectFieldStart("summary");
        g.writeStringField("mode", s.mode().key());
        g.writeNumberField("pairs", s.pairs());
        g.writeNumberField("outerPackets", s.outerPackets());
        g.writeNumberField("innerPackets", s.innerPackets());
        writeCounts(g, "unpairedOuter", s.unpairedOuter());
        writeCounts(g, "unpairedInner", s.unpairedInner());
        g.writeObjectFieldStart("clockOffset");
        g.writeNumberField("micros", micros(s.clockOffset().nanos()));
        g.writeNumberField("rawEstimateMicros", micros(s.clockOffset().rawEstimateNanos()));
        g.writeNumberField("samples", s.clockOffset().samples());
        g.writeStringField("method", s.clockOffset().method());
        g.writeEndObject();
        writeDelay(g, "delayMicros", s.delay());
        g.writeObjectFieldStart("delayMicrosByDirection");
        for (Map.Entry<PairDirection, DelayStats> e : s.delayByDirection().entrySet()) {
            writeDelay(g, e.getKey().key(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("localVteps");
        for (int v : s.localVteps()) {
            g.writeString(ipv4(v));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("vnis");
        for (int v : s.vnis()) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeUnpaired(JsonGenerator g, String name, UnpairedFrames u) throws IOException {
        g.writeArrayFieldStart(name);
        for (int i = 0; i < u.size(); i++) {
            g.writeStartObject();
            g.writeNumberField("frame", u.frame(i));
            g.writeStringField("reason", u.reason(i).key());
            if (u.reassembledIn(i) > 0) {
                g.writeNumberField("reassembledIn", u.reassembledIn(i));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeCounts(JsonGenerator g, String name, Map<UnpairedReason, Integer> counts)
            throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<UnpairedReason, Integer> e : counts.entrySet()) {
            g.writeNumberField(e.getKey().key(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeDelay(JsonGenerator g, String name, DelayStats d) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("count", d.count());
        g.writeNumberField("min", micros(d.minNanos()));
        g.writeNumberField("median", micros(d.medianNanos()));
        g.writeNumberField("p99", micros(d.p99Nanos()));
        g.writeNumberField("max", micros(d.maxNanos()));
        g.writeEndObject();
    }

    /** Microseconds with the nanoseconds kept as three decimals. */
    static double micros(long nanos) {
        return nanos / 1000.0;
    }

    public static void writeText(PrintWriter out, CorrelationResult r) {
        CorrelationSummary s = r.summary();
        out.printf("Outer: %s (%d packets)%n", r.outerFile(), s.outerPackets());
        out.printf("Inner: %s (%d packets)%n", r.innerFile(), s.innerPackets());
        out.printf("Mode: %s   clock offset: %.3f us (%s, %d unambiguous frames)%n", s.mode().key(),
                micros(s.clockOffset().nanos()), s.clockOffset().method(), s.clockOffset().samples());
        out.println();
        out.printf("%8s %8s %9s %-15s %-15s %-16s %12s%n", "Outer", "Inner", "VNI", "Outer src", "Outer dst",
                "Direction", "Delta (us)");
        PairTable p = r.pairs();
        for (int i = 0; i < p.size(); i++) {
            out.printf("%8d %8d %9d %-15s %-15s %-16s %12.3f%n", p.outerFrame(i), p.innerFrame(i), p.vni(i),
                    ipv4(p.outerSrc(i)), ipv4(p.outerDst(i)), p.direction(i).key(), micros(p.deltaNanos(i)));
        }
        writeUnpairedText(out, "outer", r.unpairedOuter());
        writeUnpairedText(out, "inner", r.unpairedInner());
        out.println();
        out.printf("Pairs: %d%n", s.pairs());
        out.printf("Unpaired outer: %s%n", countsText(s.unpairedOuter()));
        out.printf("Unpaired inner: %s%n", countsText(s.unpairedInner()));
        out.printf("Delay (us): %s%n", delayText(s.delay()));
        for (Map.Entry<PairDirection, DelayStats> e : s.delayByDirection().entrySet()) {
            out.printf("  %-16s %s%n", e.getKey().key(), delayText(e.getValue()));
        }
        out.flush();
    }

    private static void writeUnpairedText(PrintWriter out, String side, UnpairedFrames u) {
        if (u.size() == 0) {
            return;
        }
        out.println();
        out.printf("Unpaired %s frames:%n", side);
        for (int i = 0; i < u.size(); i++) {
            out.printf("%8d  %-18s %s%n", u.frame(i), u.reason(i).key(), u.description(i));
        }
    }

    private static String countsText(Map<UnpairedReason, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k.key()).append(' ').append(v));
        return sb.toString();
    }

    private static String delayText(DelayStats d) {
        return d.count() == 0 ? "no pairs" : String.format("min %.3f  median %.3f  p99 %.3f  max %.3f  (n=%d)",
                micros(d.minNanos()), micros(d.medianNanos()), micros(d.p99Nanos()), micros(d.maxNanos()),
                d.count());
    }
}
