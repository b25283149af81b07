package org.sonemo.features;

/** The one place that maps an {@link Engine} to its implementation. */
final class Engines {
    private Engines() {
    }

    static Extractor open(ExtractorSpec spec) {
        return switch (spec.engine()) {
            case NATIVE -> org.sonemo.opensmile.NativeExtractor.open(spec);
            case JAVA -> org.sonemo.egemaps.JavaExtractor.open(spec);
            case AUTO -> openAuto(spec);
        };
    }

    private static final java.util.concurrent.atomic.AtomicBoolean TOLD = new java.util.concurrent.atomic.AtomicBoolean();

    private static void tell(String message) {
        if (TOLD.compareAndSet(false, true)) System.err.println(message);
    }

    /** Native when its library loads, else Java; tells stderr (once per process) which engine was chosen and why. */
    private static Extractor openAuto(ExtractorSpec spec) {
        if (org.sonemo.opensmile.NativeExtractor.isAvailable()) {
            try {
                Extractor e = org.sonemo.opensmile.NativeExtractor.open(spec.withEngine(Engine.NATIVE));
                tell("sonemo: engine auto -> native (openSMILE library found)");
                return e;
            } catch (RuntimeException | LinkageError ex) {
                tell("sonemo: engine auto -> java (native engine failed to open: " + ex.getMessage() + ")");
            }
        } else {
            tell("sonemo: engine auto -> java (openSMILE library not found)");
        }
        return org.sonemo.egemaps.JavaExtractor.open(spec.withEngine(Engine.JAVA));
    }
}
