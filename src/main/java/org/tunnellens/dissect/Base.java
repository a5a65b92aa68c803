package org.tunnellens.dissect;

/** Display base of an integer field, as Wireshark's BASE_DEC / BASE_HEX. */
public enum Base {
    DEC, HEX, DEC_HEX, HEX_DEC, NONE
}
