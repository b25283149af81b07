package org.sonemo.egemaps;

import org.sonemo.audio.AudioBuffer;
import org.sonemo.features.ExtractionException;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputChecks;
import org.sonemo.features.Level;

import java.util.List;

/**
 * The pure-Java engine: eGeMAPS v02 functionals and frame-level descriptors, no native library.
 * Keeps one analyser per sample rate seen last (its FFT plans and buffers); not thread-safe.
 */
public final class JavaExtractor implements Extractor {
    /**
     * The revision of this engine's output. Change it whenever a change alters any number the
     * engine emits: feature caches are keyed by it, so older cached rows are not reused.
     */
    public static final String REVISION = "10";

    private final ExtractorSpec spec;
    private EgemapsAnalyzer analyzer;

    private JavaExtractor(ExtractorSpec spec) {
        this.spec = spec;
    }

    /** Opens the Java engine for a spec; only eGeMAPS v02 functionals and LLDs are supported. */
    public static JavaExtractor open(ExtractorSpec spec) {
        if (spec.set() != FeatureSet.EGEMAPS_V02) {
            throw new ExtractionException("the Java engine computes only eGeMAPS v02 (--set egemaps), not "
                    + spec.set().cliName() + "; use --engine native for it");
        }
        if (spec.level() != Level.FUNCTIONALS && spec.level() != Level.LLD) {
            throw new ExtractionException("the Java engine has no " + spec.level().cliName()
                    + " level for eGeMAPS v02 (openSMILE defines none either): use functionals or lld");
        }
        return new JavaExtractor(spec);
    }

    @Override
    public ExtractorSpec spec() {
        return spec;
    }

    @Override
    public List<String> featureNames() {
        return spec.level() == Level.FUNCTIONALS ? EgemapsNames.FUNCTIONALS : EgemapsNames.LLD;
    }

    @Override
    public FeatureTable extract(AudioBuffer audio) {
        InputChecks.requireUsable(audio);
        AudioBuffer mono = audio.mixDown();
        float[] in = mono.samples();
        int rate = mono.sampleRate();
        if (analyzer == null || analyzer.sampleRate() != rate) analyzer = new EgemapsAnalyzer(rate);
        if (in.length < analyzer.minimumSamples()) {
            throw new ExtractionException("input too short: " + in.length + " samples, eGeMAPS needs at least "
                    + analyzer.minimumSamples() + " (60 ms) at " + rate + " Hz");
        }
        float[] x = new float[in.length];
        spec.scale().apply(in, x, in.length);
        EgemapsAnalyzer.Raw raw = analyzer.analyze(x);
        double hop = raw.hopSeconds;
        if (spec.level() == Level.FUNCTIONALS) {
            double[] f = analyzer.functionals(raw);
            float[] v = new float[f.length];
            for (int i = 0; i < f.length; i++) v[i] = (float) f[i];
            return new FeatureTable(EgemapsNames.FUNCTIONALS, new double[]{0}, new double[]{mono.durationSeconds()}, v);
        }
        double[][] lld = analyzer.lld(raw);
        int rows = lld.length, cols = EgemapsNames.LLD.size();
        double[] starts = new double[rows], ends = new double[rows];
        float[] v = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            starts[i] = i * hop;
            ends[i] = i * hop + 0.020;
            for (int j = 0; j < cols; j++) v[i * cols + j] = (float) lld[i][j];
        }
        return new FeatureTable(EgemapsNames.LLD, starts, ends, v);
    }

    @Override
    public void close() {
        analyzer = null;
    }
}
