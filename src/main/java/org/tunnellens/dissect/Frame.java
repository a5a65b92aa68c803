package org.tunnellens.dissect;

/** The "frame" pseudo-layer: what the capture file says about the packet, not its bytes. */
public final class Frame {
    public static final FieldDef PROTO = FieldRegistry.protocol("frame", "Frame");
    public static final FieldDef NUMBER = FieldRegistry.uint("frame.number", "Frame Number");
    public static final FieldDef LEN = FieldRegistry.uint("frame.len", "Frame Length");
    public static final FieldDef CAP_LEN = FieldRegistry.uint("frame.cap_len", "Capture Length");
    public static final FieldDef TIME_EPOCH = FieldRegistry.epochTime("frame.time_epoch", "Epoch Time");
    public static final FieldDef TIME_RELATIVE = FieldRegistry.relativeTime("frame.time_relative",
            "Time since reference or first frame");
    public static final FieldDef TIME_DELTA = FieldRegistry.relativeTime("frame.time_delta",
            "Time delta from previous captured frame");
    public static final FieldDef INTERFACE_ID = FieldRegistry.uint("frame.interface_id", "Interface id");
    public static final FieldDef INTERFACE_NAME = FieldRegistry.string("frame.interface_name", "Interface name");
    public static final FieldDef PROTOCOLS = FieldRegistry.string("frame.protocols", "Protocols in frame");
    public static final FieldDef TRUNCATED = FieldRegistry.text("frame.truncated",
            "Packet size limited during capture");
    public static final FieldDef LINK_TYPE = FieldRegistry.uint("frame.encap_type", "Encapsulation type");

    private Frame() {
    }
}
