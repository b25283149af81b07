package org.sonemo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;

/**
 * Decode throughput of the corpus's MP3 and Ogg Vorbis files, one file per operation in a fixed
 * cycle through all files of the format. The {@code audioSeconds} counter is the figure of merit:
 * seconds of audio decoded per second of wall time, on one thread.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar DecodeBench}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 6)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class DecodeBench {

    /** mp3: every .mp3 (4Q, emoMusic, PMEmo); ogg: every .ogg and .oga (Vorbis). */
    @Param({"mp3", "ogg"})
    public String format;

    private List<Path> files;
    private int next;

    /** Reported per second by JMH: seconds of audio decoded per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Decoded {
        public double audioSeconds;

        @Setup(Level.Iteration)
        public void reset() {
            audioSeconds = 0;
        }
    }

    @Setup
    public void findFiles() {
        List<String> extensions = format.equals("ogg") ? List.of(".ogg", ".oga") : List.of("." + format);
        try (Stream<Path> s = Files.walk(corpus())) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> extensions.stream().anyMatch(e -> p.toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) throw new IllegalStateException("no " + format + " files in " + corpus());
    }

    /** -Dsonemo.corpus, else shared/corpus beside the project (run from the project or bench folder). */
    static Path corpus() {
        String p = System.getProperty("sonemo.corpus");
        for (String c : p != null ? List.of(p) : List.of("../shared/corpus", "../../shared/corpus")) {
            if (Files.isDirectory(Path.of(c))) return Path.of(c).toAbsolutePath().normalize();
        }
        throw new IllegalStateException("corpus not found: run from the project or bench folder, or set -Dsonemo.corpus");
    }

    @Benchmark
    public float decode(Decoded counter) throws IOException {
        AudioBuffer b = AudioFiles.read(files.get(next));
        next = (next + 1) % files.size();
        counter.audioSeconds += b.durationSeconds();
        return b.samples()[b.samples().length / 2];
    }
}
