package org.sonemo.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sonemo.audio.AudioBuffer;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.opensmile.NativeExtractor;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Per-file cost of eGeMAPS v02 functionals through the Panama binding on a 6 s clip:
 * (a) a fresh native instance per file, (b) one instance reused with smile_reset. The C
 * program's raw C-API cost on the same file (c) comes from {@code smile_bench}, run by
 * {@code bench/run-native.sh} in the same session; (d) is {@link SubprocessBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NativeExtractionBench {

    @Param({"16000", "44100"})
    public int rate;

    private AudioBuffer clip;
    private Extractor fresh;
    private Extractor reused;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        clip = BenchClips.music6s(rate);
        ExtractorSpec spec = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, org.sonemo.features.Level.FUNCTIONALS);
        fresh = NativeExtractor.openFreshPerInput(spec);
        reused = NativeExtractor.open(spec);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fresh.close();
        reused.close();
    }

    /** (a) smile_new + initialize + write + run + free for every file. */
    @Benchmark
    public FeatureTable freshInstance() {
        return fresh.extract(clip);
    }

    /** (b) reset + write + run on a kept instance. */
    @Benchmark
    public FeatureTable reusedInstance() {
        return reused.extract(clip);
    }

    /** Throughput of one thread (files per second), each thread with its own reused instance. */
    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public FeatureTable throughput1Thread() {
        return reused.extract(clip);
    }

    /** Throughput of two threads (JMH sums the threads' files per second). */
    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public FeatureTable throughput2Threads() {
        return reused.extract(clip);
    }
}
