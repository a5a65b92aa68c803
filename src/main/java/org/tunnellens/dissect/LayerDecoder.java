package org.tunnellens.dissect;

/**
 * One protocol's decoder: reads its header from the mapped packet at {@code off} (bytes up to {@code end}),
 * records its fields in the dissection and names the layer that follows with {@link Dissection#then}.
 * Decoders hold no per-packet state, so one instance serves every packet and thread.
 */
public interface LayerDecoder {
    void decode(Dissection d, int off, int end);
}
