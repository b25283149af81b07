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
import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The share of decoding in end-to-end extraction: one 4Q MP3 clip (MT0000040632, about 22 s),
 * decoded, and decoded + eGeMAPS v02 functionals through the native binding (reused instance).
 * Share = decode / decodeAndExtract, from the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class EndToEndBench {
    private Path clip;
    private Extractor extractor;

    @Setup(Level.Trial)
    public void setUp() {
        clip = BenchClips.corpus().resolve("4q/audio/MT0000040632.mp3");
        extractor = Extractor.open(ExtractorSpec.of(FeatureSet.EGEMAPS_V02, org.sonemo.features.Level.FUNCTIONALS));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        extractor.close();
    }

    @Benchmark
    public AudioBuffer decode() throws IOException {
        return AudioFiles.read(clip);
    }

    @Benchmark
    public FeatureTable decodeAndExtract() throws IOException {
        return extractor.extract(AudioFiles.read(clip));
    }
}
