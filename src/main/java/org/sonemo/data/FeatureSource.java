package org.sonemo.data;

import java.io.IOException;
import java.util.List;

/** Gives the feature rows of clips: from a features CSV or by (cached) extraction. */
public interface FeatureSource {

    /** Features of the clips, one row per clip in order. */
    FeatureMatrix features(List<Clip> clips) throws IOException;

    /** What the features are, recorded in model files: feature set, engine, sample rate. */
    FeatureInfo info();

    /**
     * @param set    the feature set's name, e.g. {@code egemaps}
     * @param engine the engine's name, e.g. {@code native}, or {@code reference} for a CSV
     * @param rate   the sample rate extraction ran at, 0 for the files' own rates
     */
    record FeatureInfo(String set, String engine, int rate) {
    }
}
