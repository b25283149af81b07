package org.sonemo.features;

import java.util.Objects;

/**
 * What to extract and with which engine.
 *
 * @param set    the feature set
 * @param level  functionals or frame-level descriptors
 * @param engine which implementation computes them
 * @param scale  how float samples are scaled before extraction
 */
public record ExtractorSpec(FeatureSet set, Level level, Engine engine, InputScale scale) {

    public ExtractorSpec {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(scale, "scale");
        if (!set.supports(level)) {
            throw new IllegalArgumentException("feature set " + set.cliName() + " has no " + level.cliName()
                    + " level (it defines no frame-level deltas)");
        }
    }

    /** The native engine with openSMILE's input scaling. */
    public static ExtractorSpec of(FeatureSet set, Level level) {
        return new ExtractorSpec(set, level, Engine.NATIVE, InputScale.OPENSMILE_INT16);
    }

    public ExtractorSpec withEngine(Engine e) {
        return new ExtractorSpec(set, level, e, scale);
    }

    public ExtractorSpec withLevel(Level l) {
        return new ExtractorSpec(set, l, engine, scale);
    }

    public ExtractorSpec withScale(InputScale s) {
        return new ExtractorSpec(set, level, engine, s);
    }
}
