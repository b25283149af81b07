package org.sonemo.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * (d) The route the reference study paid for: one process per file. {@code smile_bench --csv}
 * reads the WAV, extracts eGeMAPS v02 functionals with openSMILE and prints them, as
 * SMILExtract would; the JVM spawns it and reads its output.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SubprocessBench {

    @Param({"16000", "44100"})
    public int rate;

    private List<String> command;

    @Setup
    public void setUp() throws IOException {
        Path wav = BenchClips.music6sWav(rate);
        Path config = BenchClips.opensmileHome().resolve("config/egemaps/v02/eGeMAPSv02.conf");
        command = List.of(BenchClips.smileBench().toString(), "--csv", config.toString(), wav.toString());
    }

    @Benchmark
    public String subprocessPerFile() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String csv = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("smile_bench failed: " + command);
        return csv;
    }
}
