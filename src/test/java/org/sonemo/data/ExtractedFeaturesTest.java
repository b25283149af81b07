package org.sonemo.data;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.Level;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Extraction through the cache on real TAVA clips: a second run extracts nothing and gives the same rows. */
class ExtractedFeaturesTest {
    @TempDir
    Path tmp;

    @Test
    void secondRunComesFromTheCache() throws IOException {
        Path root = org.sonemo.testing.Corpus.require("tava");
        ExtractorSpec spec = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS);
        try (Extractor e = Extractor.open(spec)) {
            assertEquals(88, e.featureNames().size());
        } catch (RuntimeException | LinkageError e) {
            Assumptions.abort("native openSMILE is not available (run third_party/fetch-opensmile.sh): " + e);
        }
        List<Clip> clips = Datasets.load("tava:" + root).clips().subList(0, 6);
        ExtractedFeatures first = new ExtractedFeatures(spec, tmp, 2, null);
        FeatureMatrix a = first.features(clips);
        assertEquals(6, first.extractedCount());
        assertEquals(0, first.cachedCount());
        ExtractedFeatures second = new ExtractedFeatures(spec, tmp, 2, null);
        FeatureMatrix b = second.features(clips);
        assertEquals(0, second.extractedCount(), "nothing extracted on the second run");
        assertEquals(6, second.cachedCount());
        assertEquals(a.names(), b.names());
        for (int i = 0; i < 6; i++) assertArrayEquals(a.rows()[i], b.rows()[i], 0.0);
        // and they are the dataset authors' features (the lead's parity test checks this in detail)
        FeatureMatrix ref = new CsvFeatures(root.resolve("reference/egemapsv02_functionals.csv"),
                new FeatureSource.FeatureInfo("egemaps", "reference", 0)).features(clips);
        assertEquals(ref.names(), a.names());
        int loudness = a.names().indexOf("loudness_sma3_amean");
        for (int i = 0; i < 6; i++) assertEquals(ref.rows()[i][loudness], a.rows()[i][loudness], 1e-3 * Math.abs(ref.rows()[i][loudness]));
    }
}
