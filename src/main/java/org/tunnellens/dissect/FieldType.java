package org.tunnellens.dissect;

/** What a field's value is, which decides how it is stored in a {@link Dissection} and printed. */
public enum FieldType {
    /** A protocol layer: its range is the layer's bytes; filtering by its name alone tests presence. */
    PROTOCOL,
    /** Unsigned integer up to 63 bits, kept in the occurrence's value. */
    UINT,
    /** Signed integer, kept in the value. */
    INT,
    /** 0 or 1 in the value (flag bits). */
    BOOLEAN,
    /** 48-bit MAC in the value. */
    ETHER,
    /** IPv4 address in the value. */
    IPV4,
    /** IPv6 address: the 16 bytes at the occurrence's range. */
    IPV6,
    /** Raw bytes at the range. */
    BYTES,
    /** Text: bytes at the range, or a generated string held by the dissection. */
    STRING,
    /** Nanoseconds since the epoch in the value. */
    ABSOLUTE_TIME,
    /** Signed nanoseconds in the value. */
    RELATIVE_TIME,
    /** A text-only tree line with no value (Wireshark's FT_NONE). */
    NONE
}
