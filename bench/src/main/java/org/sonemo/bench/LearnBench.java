package org.sonemo.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sonemo.audio.AudioFiles;
import org.sonemo.data.Clip;
import org.sonemo.data.CsvFeatures;
import org.sonemo.data.Dataset;
import org.sonemo.data.Datasets;
import org.sonemo.data.FeatureSource;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.learn.Grids;
import org.sonemo.learn.HyperSearch;
import org.sonemo.learn.ModelOptions;
import org.sonemo.learn.Pipeline;
import org.sonemo.learn.PipelineOptions;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Learning costs on TAVA (375 clips, the dataset authors' 88 eGeMAPS functionals): fitting one
 * pipeline (z-scoring + RBF-SVR; z-scoring + Smile's PCA; z-scoring + Smile's ridge or LASSO),
 * a halving search over the fast grid, and the latency of one prediction from a WAV file
 * (decode + extract + normalise + predict; sample mode gives p50/p99).
 */
@State(Scope.Thread)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LearnBench {
    double[][] x;
    double[] y;
    int[] all;
    Pipeline model;
    Extractor extractor;
    Path wav;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path tava = BenchClips.corpus().resolve("tava");
        Dataset d = Datasets.load("tava:" + tava);
        x = new CsvFeatures(tava.resolve("reference/egemapsv02_functionals.csv"),
                new FeatureSource.FeatureInfo("egemaps", "reference", 0)).features(d.clips()).rows();
        y = d.clips().stream().mapToDouble(Clip::arousal).toArray();
        all = IntStream.range(0, x.length).toArray();
        model = Pipeline.fit(x, y, all, options());
        extractor = Extractor.open(ExtractorSpec.of(FeatureSet.EGEMAPS_V02, org.sonemo.features.Level.FUNCTIONALS));
        wav = d.clips().getFirst().audio();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        extractor.close();
    }

    static PipelineOptions options() {
        return new PipelineOptions(1, false, ModelOptions.Svr.rbf(1, 0.1, ModelOptions.GAMMA_SCALE));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Pipeline trainSvr375() {
        return Pipeline.fit(x, y, all, options());
    }

    /** z-scoring + Smile's PCA keeping 95 % of the variance, whitened (the study grid's commonest prep). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Pipeline.Prep fitPcaWhiten375() {
        return Pipeline.Prep.fit(x, all, 0.95, true);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Pipeline trainRidge375() {
        return Pipeline.fit(x, y, all, new PipelineOptions(1, false, ModelOptions.Linear.ridge(0.1)));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Pipeline trainLasso375() {
        return Pipeline.fit(x, y, all, new PipelineOptions(1, false, ModelOptions.Linear.lasso(0.01)));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public HyperSearch.Result halvingSearchFastGrid() {
        return HyperSearch.search(x, y, all, Grids.svrFast(), HyperSearch.Options.halving(1));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double predictOneWav() throws Exception {
        FeatureTable t = extractor.extract(AudioFiles.read(wav));
        double[][] row = new double[1][t.columns()];
        for (int j = 0; j < t.columns(); j++) row[0][j] = t.get(0, j);
        return model.predict(row)[0];
    }
}
