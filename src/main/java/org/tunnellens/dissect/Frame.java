package org.tunnellens.dissect;

/** The "frame" pseudo-layer: what the capture file says about the packet, not its bytes. */
public final class Frame extends Protocol {
    private static final Fields F = new Fields();
    public static final FieldDef PROTO = F.protocol("frame", "Frame");
    public static final FieldDef NUMBER = F.uint("frame.number", "Frame Number");
    public static final FieldDef LEN = F.uint("frame.len", "Frame Length");
    public static final FieldDef CAP_LEN = F.uint("frame.cap_len", "Capture Length");
    public static final FieldDef TIME_EPOCH = F.epochTime("frame.time_epoch", "Epoch Time");
    public static final FieldDef TIME_RELATIVE = F.relativeTime("frame.time_relative",
            "Time since reference or first frame");
    public static final FieldDef TIME_DELTA = F.relativeTime("frame.time_delta",
            "Time delta from previous captured frame");
    public static final FieldDef INTERFACE_ID = F.uint("frame.interface_id", "Interface id");
    public static final FieldDef INTERFACE_NAME = F.string("frame.interface_name", "Interface name");
    public static final FieldDef PROTOCOLS = F.string("frame.protocols", "Protocols in frame");
    public static final FieldDef TRUNCATED = F.text("frame.truncated", "Packet size limited during capture");
    public static final FieldDef LINK_TYPE = F.uint("frame.encap_type", "Encapsulation type",
            v -> org.tunnellens.capture.LinkType.describe((int) v));
    public static final FieldDef UNSUPPORTED = F.text("_ws.unsupported_link_type", "Unsupported link type");
    public static final Frame INSTANCE = new Frame();

    private Frame() {
        super(F);
    }

    @Override
    public FieldDef field() {
        return PROTO;
    }

    /** A pseudo-layer never names the Protocol column. */
    @Override
    public String columnName(Dissection d, int occ) {
        return null;
    }

    @Override
    public void appendSummary(Dissection d, int occ, StringBuilder sb) {
        sb.append("Frame ").append(d.frameNumber()).append(": ").append(d.originalLength()).append(" bytes on wire (")
                .append(d.originalLength() * 8L).append(" bits), ").append(d.capturedLength())
                .append(" bytes captured (").append(d.capturedLength() * 8L).append(" bits)");
        if (d.interfaceName() != null) {
            sb.append(" on interface ").append(d.interfaceName()).append(", id ").append(d.interfaceId());
        }
    }
}
