package org.sonemo.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LearnCommandsTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trainThenPredictFromReferenceFeatures() throws IOException {
        Path tava = org.sonemo.testing.Corpus.require("tava");
        String feats = tava.resolve("reference/egemapsv02_functionals.csv").toString();
        Path model = tmp.resolve("tava.sonemo");
        Run t = run("train", "--data", "tava:" + tava, "--features", feats, "--grid", "fast", "--cv", "0", "--out", model.toString());
        assertEquals(0, t.code(), t.err());
        Run p = run("predict", "--model", model.toString(), "--features", feats);
        assertEquals(0, p.code(), p.err());
        List<String> lines = p.out().lines().toList();
        assertEquals("file,arousal,valence", lines.getFirst());
        assertEquals(376, lines.size());
        Files.write(tmp.resolve("bad.sonemo"), "not a model".getBytes(StandardCharsets.UTF_8));
        Run bad = run("predict", "--model", tmp.resolve("bad.sonemo").toString(), "--features", feats);
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("not a sonemo model"), bad.err());
    }

    @Test
    void experimentWritesReport() throws IOException {
        Path tava = org.sonemo.testing.Corpus.require("tava");
        String feats = tava.resolve("reference/egemapsv02_functionals.csv").toString();
        Path out = tmp.resolve("exp");
        Run r = run("experiment", "--a", "tava,variant=speech:" + tava, "--a-features", feats, "--b", "tava,variant=tegg:" + tava,
                "--b-features", feats, "--ratios", "0,1", "--labels", "arousal,valence", "--models", "linear", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| tava-speech only | linear | tava-speech |"), report);
        assertTrue(report.contains("| tava-speech+tava-tegg | linear | tava-tegg |"), report);
        for (String f : new String[]{"folds.csv", "predictions.csv", "data.csv", "sweep-linear-arousal.png", "av-plane-linear.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(report.contains("normalisation: pooled"), report);
        // per-domain z-scoring changes the models, not the data the peer script reads
        Path per = tmp.resolve("exp-per");
        Run p = run("experiment", "--a", "tava,variant=speech:" + tava, "--a-features", feats, "--b", "tava,variant=tegg:" + tava,
                "--b-features", feats, "--ratios", "0,1", "--labels", "arousal,valence", "--models", "linear", "--normalise", "per-domain",
                "--out", per.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.readString(per.resolve("report.md")).contains("normalisation: per-domain"));
        assertEquals(-1, Files.mismatch(out.resolve("data.csv"), per.resolve("data.csv")), "data.csv differs");
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("train", "--out", "x").code());
        assertEquals(2, run("experiment", "--a", "tava:/x").code());
        assertEquals(2, run("train", "--bogus").code());
        Run bad = run("train", "--data", "nosuch:/x", "--out", tmp.resolve("m").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown dataset kind"), bad.err());
        Run norm = run("experiment", "--a", "tava:/x", "--b", "4q:/y", "--normalise", "corpus", "--out", tmp.resolve("e").toString());
        assertEquals(2, norm.code());
        assertTrue(norm.err().contains("--normalise must be pooled, per-domain or unseen-domain, not 'corpus'"), norm.err());
        // a model cannot carry per-domain statistics: predict does not know a clip's domain
        Run perDomain = run("train", "--data", "tava:/x", "--normalise", "per-domain", "--out", tmp.resolve("m").toString());
        assertEquals(2, perDomain.code());
        assertTrue(perDomain.err().contains("--normalise per-domain applies to experiments only"), perDomain.err());
    }
}
