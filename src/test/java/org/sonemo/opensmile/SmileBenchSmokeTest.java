package org.sonemo.opensmile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sonemo.audio.AudioFiles;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.Level;
import org.sonemo.testing.Corpus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Smoke test of the C reference benchmark built by the set-up (CMake, {@code target/native}):
 * it runs, times, and prints the same features the Java binding computes from the same file.
 */
class SmileBenchSmokeTest {

    static Path smileBench() {
        Path exe = Path.of(System.getProperty("sonemo.native.dir", "target/native")).resolve("smile_bench");
        Assumptions.assumeTrue(Files.isExecutable(exe),
                () -> exe + " is not built (needs cmake and a C compiler; ./sonemo setup builds it)");
        return exe;
    }

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "smile_bench finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void csvModeEqualsTheJavaBindingAndTimingModeReports() throws Exception {
        Path exe = smileBench();
        Path clip = Corpus.require("tava/audio/speech/s01_happy_audio.wav");
        Path config = SmileLocation.configRoot().resolve(FeatureSet.EGEMAPS_V02.configPath());

        List<String> csv = run(List.of(exe.toString(), "--csv", config.toString(), clip.toString())).lines()
                .filter(l -> !l.isBlank()).toList();
        assertEquals(2, csv.size(), String.join("\n", csv));
        FeatureTable java;
        try (Extractor e = Extractor.open(ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS))) {
            java = e.extract(AudioFiles.read(clip));
        }
        assertEquals(java.names(), Arrays.asList(csv.get(0).split(",")));
        String[] c = csv.get(1).split(",");
        for (int i = 0; i < java.columns(); i++) {
            // %.9g in C round-trips a float: the same float feeds both, so the values are identical
            assertEquals(java.get(0, i), Float.parseFloat(c[i]), java.names().get(i));
        }

        String timing = run(List.of(exe.toString(), "--iterations", "3", "--reuse", config.toString(), clip.toString()));
        assertTrue(timing.contains("summary mode=reuse n=3"), timing);
        assertTrue(timing.contains("consistent=yes"), timing);
    }
}
