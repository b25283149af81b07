package org.sonemo.opensmile;

import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;

/** openSMILE through the FFM API (being written). */
public final class NativeExtractor {
    private NativeExtractor() {
    }

    public static Extractor open(ExtractorSpec spec) {
        throw new UnsupportedOperationException("native binding: in progress");
    }
}
