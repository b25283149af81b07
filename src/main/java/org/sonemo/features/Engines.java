package org.sonemo.features;

/** The one place that maps an {@link Engine} to its implementation. */
final class Engines {
    private Engines() {
    }

    static Extractor open(ExtractorSpec spec) {
        return switch (spec.engine()) {
            case NATIVE -> org.sonemo.opensmile.NativeExtractor.open(spec);
        };
    }
}
