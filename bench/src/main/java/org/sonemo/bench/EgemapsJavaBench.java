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
import org.openjdk.jmh.annotations.Warmup;
import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;
import org.sonemo.features.Engine;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputScale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * eGeMAPS v02 functionals per clip, pure-Java engine vs native openSMILE (a reused instance),
 * one thread, on the same 16 kHz speech clips of 1, 6, 30 and 180 s (TAVA speech files
 * concatenated in name order, resampled, quantised to 16 bits). Run with {@code -prof gc} for
 * the allocation rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class EgemapsJavaBench {

    @Param({"1", "6", "30", "180"})
    public int seconds;

    @Param({"16000"})
    public int rate;

    private AudioBuffer clip;
    private Extractor java;
    private Extractor nativ;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        clip = speech(rate, seconds);
        ExtractorSpec spec = new ExtractorSpec(FeatureSet.EGEMAPS_V02, org.sonemo.features.Level.FUNCTIONALS,
                Engine.JAVA, InputScale.OPENSMILE_INT16);
        java = Extractor.open(spec);
        nativ = Extractor.open(spec.withEngine(Engine.NATIVE));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        java.close();
        nativ.close();
    }

    @Benchmark
    public FeatureTable javaEngine() {
        return java.extract(clip);
    }

    @Benchmark
    public FeatureTable nativeEngine() {
        return nativ.extract(clip);
    }

    /** TAVA speech, concatenated in name order until {@code seconds} are filled, at {@code rate}, 16-bit. */
    static AudioBuffer speech(int rate, int seconds) throws IOException {
        Path dir = BenchClips.corpus().resolve("tava/audio/speech");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        int n = rate * seconds;
        float[] x = new float[n];
        int pos = 0;
        for (int i = 0; pos < n; i = (i + 1) % files.size()) {
            AudioBuffer a = AudioFiles.read(files.get(i)).mixDown();
            if (a.sampleRate() != rate) a = AudioFiles.resample(a, rate);
            float[] y = a.samples();
            int k = Math.min(y.length, n - pos);
            System.arraycopy(y, 0, x, pos, k);
            pos += k;
        }
        for (int i = 0; i < n; i++) x[i] = Math.round(Math.max(-1f, Math.min(1f, x[i])) * 32767f) / 32768f;
        return AudioBuffer.mono(x, rate);
    }
}
