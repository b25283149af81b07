package org.sonemo.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonemo.testing.Corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sonemo extract} end to end on real files: CSV shape, order, failures, exit codes. */
class ExtractCommandTest {

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void functionalsOfAFolderOneRowPerFileInSortedOrder(@TempDir Path tmp) throws IOException {
        Path speech = Corpus.require("tava/audio/speech");
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir.resolve("sub"));
        List<String> picks = List.of("s01_happy_audio.wav", "s01_joyful_audio.wav", "s02_happy_audio.wav");
        Files.copy(speech.resolve(picks.get(2)), dir.resolve("sub/" + picks.get(2)));
        Files.copy(speech.resolve(picks.get(1)), dir.resolve(picks.get(1)));
        Files.copy(speech.resolve(picks.get(0)), dir.resolve(picks.get(0)));
        Files.writeString(dir.resolve("notes.txt"), "not audio, skipped in folders by its extension");

        Run serial = run("extract", "--jobs", "1", dir.toString());
        assertEquals(0, serial.code(), serial.err());
        List<String> lines = serial.lines();
        assertEquals(4, lines.size(), serial.out());
        String[] header = lines.getFirst().split(",");
        assertEquals(3 + 88, header.length);
        assertEquals(List.of("file", "start", "end", "F0semitoneFrom27.5Hz_sma3nz_amean"), List.of(header).subList(0, 4));
        assertTrue(lines.get(1).startsWith(dir.resolve(picks.get(0)) + ",0,"), lines.get(1));
        assertTrue(lines.get(2).startsWith(dir.resolve(picks.get(1)) + ",0,"), lines.get(2));
        assertTrue(lines.get(3).startsWith(dir.resolve("sub/" + picks.get(2)) + ",0,"), lines.get(3));
        for (String l : lines.subList(1, 4)) assertEquals(3 + 88, l.split(",").length);

        Run parallel = run("extract", "--jobs", "2", dir.toString());
        assertEquals(serial.out(), parallel.out(), "2 workers write the same bytes as 1");

        Path outFile = tmp.resolve("out.csv");
        assertEquals(0, run("extract", "--out", outFile.toString(), dir.toString()).code());
        assertEquals(serial.out(), Files.readString(outFile));
    }

    @Test
    void frameLevelRowsWithTimes() {
        Path clip = Corpus.require("tava/audio/speech/s01_happy_audio.wav");
        Run r = run("extract", "--level", "lld", clip.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(3 + 25, lines.getFirst().split(",").length);
        assertTrue(lines.get(1).startsWith(clip + ",0,0.02,"), lines.get(1));
        assertTrue(lines.get(2).startsWith(clip + ",0.01,0.03,"), lines.get(2));
        assertEquals(172 + 1, lines.size(), "rows of a 1.767 s clip at 48 kHz: (N - 2880) / 480 + 2");
    }

    @Test
    void badFilesAreReportedAndTheOthersStillWritten(@TempDir Path tmp) throws IOException {
        Path good = tmp.resolve("a_good.wav");
        Files.copy(Corpus.require("tava/audio/speech/s01_happy_audio.wav"), good);
        Files.writeString(tmp.resolve("b_text.wav"), "this is text");
        Files.write(tmp.resolve("c_empty.wav"), new byte[0]);
        Run r = run("extract", "--jobs", "2", tmp.toString());
        assertEquals(1, r.code());
        assertEquals(2, r.lines().size(), "header and the good file's row");
        assertTrue(r.lines().get(1).startsWith(good + ","));
        assertTrue(r.err().contains(tmp.resolve("b_text.wav") + ": "), r.err());
        assertTrue(r.err().contains(tmp.resolve("c_empty.wav") + ": "), r.err());
        assertTrue(r.err().contains("2 of 3 files failed"), r.err());
    }

    @Test
    void aMissingOpenSmileLibraryIsAOneLineErrorNotACrash(@TempDir Path tmp) throws Exception {
        // The library is loaded once per JVM, so this runs in a JVM of its own.
        Path clip = Corpus.require("tava/audio/speech/s01_happy_audio.wav");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED",
                "-Dsonemo.smileapi.lib=" + tmp.resolve("nowhere/libSMILEapi.so"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "extract", clip.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("openSMILE library not found at " + tmp.resolve("nowhere/libSMILEapi.so")), output);
        assertTrue(output.contains("fetch-opensmile.sh"), output);
        assertTrue(!output.contains("\tat "), "no stack trace: " + output);
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, run("extract").code());
        assertEquals(2, run("extract", "--set", "nope", "x.wav").code());
        assertEquals(2, run("extract", "--level", "lld_de", "x.wav").code());
        assertEquals(2, run("extract", "--jobs", "0", "x.wav").code());
        assertEquals(2, run("extract", "/no/such/file.wav").code());
        assertEquals(2, run("nonsense").code());
        assertEquals(0, run("extract", "--help").code());
    }
}
