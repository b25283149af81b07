package org.sonemo.data;

import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;
import org.sonemo.egemaps.JavaExtractor;
import org.sonemo.features.Engine;
import org.sonemo.features.ExtractorPool;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureTable;
import org.sonemo.opensmile.NativeExtractor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Features by in-process extraction with a {@link FeatureCache}: each clip's file is hashed;
 * cached rows are read, the rest extracted in parallel by an {@link ExtractorPool} and cached.
 * Clips that cannot be decoded or extracted are left out of the result and listed in
 * {@link #failures()}.
 */
public final class ExtractedFeatures implements FeatureSource {
    private final ExtractorSpec spec;
    private final FeatureCache cache;
    private final int threads;
    private final Consumer<String> log;
    private final Map<String, String> failures = new LinkedHashMap<>();
    private int extracted, cached;

    public ExtractedFeatures(ExtractorSpec spec, Path cacheDir, int threads, Consumer<String> log) throws IOException {
        // AUTO is settled once, here: the pool then opens exactly the engine the cache is keyed by
        this.spec = spec.engine() != Engine.AUTO ? spec
                : spec.withEngine(NativeExtractor.isAvailable() ? Engine.NATIVE : Engine.JAVA);
        this.cache = new FeatureCache(cacheDir, info(this.spec), revision(this.spec));
        this.threads = threads;
        this.log = log;
    }

    static FeatureInfo info(ExtractorSpec spec) {
        return new FeatureInfo(spec.set().cliName() + (spec.level().name().equals("FUNCTIONALS") ? "" : "-" + spec.level().name().toLowerCase(Locale.ROOT)),
                spec.engine().name().toLowerCase(Locale.ROOT), 0);
    }

    /**
     * What produced the numbers besides set, engine and rate: openSMILE (pinned by the set-up) or
     * the Java engine's output revision, and the input scaling.
     */
    static String revision(ExtractorSpec spec) {
        return (spec.engine() == Engine.NATIVE ? "opensmile" : "java" + JavaExtractor.REVISION)
                + "-" + spec.scale().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public FeatureInfo info() {
        return info(spec);
    }

    /** Clip id to the reason its features are missing. */
    public Map<String, String> failures() {
        return failures;
    }

    public int extractedCount() {
        return extracted;
    }

    public int cachedCount() {
        return cached;
    }

    @Override
    public FeatureMatrix features(List<Clip> clips) throws IOException {
        Map<String, double[]> rows = new LinkedHashMap<>();
        List<Clip> todo = new ArrayList<>();
        Map<Clip, String> hashes = new LinkedHashMap<>();
        List<String> names = cache.names().orElse(null);
        for (Clip c : clips) {
            String h = FeatureCache.hash(c.audio());
            hashes.put(c, h);
            var row = names == null ? java.util.Optional.<double[]>empty() : cache.get(h);
            if (row.isPresent() && row.get().length == names.size()) {
                rows.put(c.id(), row.get());
                cached++;
            } else {
                todo.add(c);
            }
        }
        if (!todo.isEmpty()) {
            if (log != null) log.accept("extracting " + todo.size() + " clips (" + (clips.size() - todo.size()) + " cached)");
            java.util.concurrent.atomic.AtomicReference<List<String>> seen = new java.util.concurrent.atomic.AtomicReference<>();
            try (ExtractorPool pool = new ExtractorPool(spec, threads)) {
                pool.extractAll(todo, c -> read(c.audio()), false, o -> {
                    if (!o.ok()) {
                        failures.put(o.input().id(), String.valueOf(o.error().getMessage()));
                        return;
                    }
                    FeatureTable t = o.tables().getFirst();
                    seen.compareAndSet(null, t.names());
                    double[] v = new double[t.columns()];
                    for (int j = 0; j < v.length; j++) v[j] = t.get(0, j);
                    try {
                        cache.put(hashes.get(o.input()), v);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    rows.put(o.input().id(), v);
                    extracted++;
                });
            }
            if (seen.get() != null) {
                names = seen.get();
                cache.putNames(names);
            }
        }
        if (names == null) throw new DataException("no clip could be extracted: " + failures);
        List<String> ids = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        for (Clip c : clips) {
            double[] v = rows.get(c.id());
            if (v != null) {
                ids.add(c.id());
                out.add(v);
            }
        }
        return new FeatureMatrix(names, ids, out.toArray(double[][]::new));
    }

    /** Decodes a file (WAV, MP3, Ogg and what else {@link AudioFiles} reads). */
    public static AudioBuffer read(Path file) throws Exception {
        return AudioFiles.read(file);
    }
}
