package org.tunnellens.analysis.correlation;

import java.nio.file.Path;

/** Everything a correlation run found, for the CLI report and for a view to bind to. */
public record CorrelationResult(Path outerFile, Path innerFile, PairTable pairs, UnpairedFrames unpairedOuter,
                                UnpairedFrames unpairedInner, CorrelationSummary summary) {
}
