package org.sonemo.cli;

import org.sonemo.data.Clip;
import org.sonemo.data.CsvFeatures;
import org.sonemo.data.Dataset;
import org.sonemo.data.Datasets;
import org.sonemo.data.ExtractedFeatures;
import org.sonemo.data.FeatureMatrix;
import org.sonemo.data.FeatureSource;
import org.sonemo.features.Engine;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.Level;
import org.sonemo.learn.Experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads a dataset and its features (a features CSV, or cached extraction) for the learning commands. */
final class LearnData {
    private LearnData() {
    }

    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("sonemo").resolve("features");
    }

    /**
     * @param featuresCsv a features CSV for this dataset, or null to extract
     */
    static Experiment.Domain load(String spec, String featuresCsv, String set, String engine, Path cache, int jobs, PrintStream err)
            throws IOException {
        Dataset d;
        try {
            d = Datasets.load(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        err.println("sonemo: " + d.summary());
        FeatureSource src;
        if (featuresCsv != null) {
            src = new CsvFeatures(Path.of(featuresCsv), new FeatureSource.FeatureInfo(set, "reference", 0));
        } else {
            FeatureSet fs;
            try {
                fs = FeatureSet.fromCliName(set);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            src = new ExtractedFeatures(spec(fs, engine), cache, jobs, m -> err.println("sonemo: " + d.name() + ": " + m));
        }
        FeatureMatrix fm = src.features(d.clips());
        if (src instanceof ExtractedFeatures ex) {
            err.println("sonemo: " + d.name() + ": " + ex.cachedCount() + " clips from the cache, " + ex.extractedCount() + " extracted");
            if (!ex.failures().isEmpty()) {
                err.println("sonemo: " + d.name() + ": " + ex.failures().size() + " clips failed and are left out, e.g. "
                        + ex.failures().entrySet().stream().limit(3).map(e -> e.getKey() + ": " + e.getValue()).toList());
            }
        }
        // align the dataset to the rows that have features
        Map<String, Clip> byId = new HashMap<>();
        for (Clip c : d.clips()) byId.put(c.id(), c);
        List<Clip> kept = new ArrayList<>();
        for (String id : fm.ids()) kept.add(byId.get(id));
        return new Experiment.Domain(d.withClips(kept), fm);
    }

    static FeatureSource.FeatureInfo info(String featuresCsv, String set, String engine) {
        if (featuresCsv != null) return new FeatureSource.FeatureInfo(set, "reference", 0);
        return new FeatureSource.FeatureInfo(FeatureSet.fromCliName(set).cliName(), Engine.fromCliName(engine).name().toLowerCase(java.util.Locale.ROOT), 0);
    }

    /** Functionals of a set with an engine named on the command line (native, java, auto). */
    static ExtractorSpec spec(FeatureSet fs, String engine) {
        try {
            return ExtractorSpec.of(fs, Level.FUNCTIONALS).withEngine(Engine.fromCliName(engine));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
