package org.sonemo.opensmile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonemo.audio.AudioBuffer;
import org.sonemo.features.ExtractionException;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorPool;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputScale;
import org.sonemo.features.Level;
import org.sonemo.testing.Signals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native engine on synthetic audio: sizes, names, bad input, reuse and threads. */
class NativeExtractorTest {

    static final ExtractorSpec EGEMAPS = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS);

    /** Sizes each set is documented to have (openSMILE's own documentation and the feature-set papers). */
    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS, 88),
                Arguments.of(FeatureSet.EGEMAPS_V02, Level.LLD, 25),
                Arguments.of(FeatureSet.EGEMAPS_V01B, Level.FUNCTIONALS, 88),
                Arguments.of(FeatureSet.EGEMAPS_V01A, Level.FUNCTIONALS, 88),
                Arguments.of(FeatureSet.GEMAPS_V01B, Level.FUNCTIONALS, 62),
                Arguments.of(FeatureSet.GEMAPS_V01A, Level.FUNCTIONALS, 62),
                Arguments.of(FeatureSet.GEMAPS_V01B, Level.LLD, 18),
                Arguments.of(FeatureSet.COMPARE_2016, Level.FUNCTIONALS, 6373),
                Arguments.of(FeatureSet.COMPARE_2016, Level.LLD, 65),
                Arguments.of(FeatureSet.COMPARE_2016, Level.LLD_DELTAS, 65),
                Arguments.of(FeatureSet.EMOBASE, Level.FUNCTIONALS, 988),
                Arguments.of(FeatureSet.EMOBASE, Level.LLD, 26),
                Arguments.of(FeatureSet.EMOBASE, Level.LLD_DELTAS, 26),
                Arguments.of(FeatureSet.IS09_EMOTION, Level.FUNCTIONALS, 384),
                Arguments.of(FeatureSet.IS10_PARALING, Level.FUNCTIONALS, 1582),
                Arguments.of(FeatureSet.IS11_SPEAKER_STATE, Level.FUNCTIONALS, 4368),
                Arguments.of(FeatureSet.IS12_SPEAKER_TRAIT, Level.FUNCTIONALS, 6125),
                Arguments.of(FeatureSet.IS13_COMPARE, Level.FUNCTIONALS, 6373));
    }

    @ParameterizedTest(name = "{0} {1} has {2} features")
    @MethodSource("sizes")
    void featureCountsAndNames(FeatureSet set, Level level, int expected) {
        try (Extractor e = Extractor.open(ExtractorSpec.of(set, level))) {
            List<String> names = e.featureNames();
            assertEquals(expected, names.size());
            assertEquals(expected, new HashSet<>(names).size(), "names are unique");
            FeatureTable t = e.extract(Signals.voiced(1.0, 16_000, 180, 1));
            assertEquals(names, t.names());
            assertEquals(expected, t.columns());
            if (level == Level.FUNCTIONALS) {
                assertEquals(1, t.rows());
                assertEquals(0.0, t.starts()[0]);
                assertEquals(1.0, t.ends()[0], 1e-9);
            } else {
                assertTrue(t.rows() > 50, "about one row per 10 ms frame: " + t.rows());
                // times increase, except that openSMILE's smoothers and delta filters repeat
                // frame times at the very end (observed: within the last 5 rows, ComParE deltas)
                for (int r = 1; r < t.rows(); r++) {
                    assertTrue(t.starts()[r] >= t.starts()[r - 1], "frame times never go back");
                    if (t.starts()[r] == t.starts()[r - 1]) {
                        assertTrue(r >= t.rows() - 5, "repeated time at row " + r + " of " + t.rows());
                    }
                }
            }
            for (float v : t.values()) assertTrue(Float.isFinite(v), "finite values");
        }
    }

    @Test
    void everySetWithoutDeltasRefusesTheDeltaLevel() {
        for (FeatureSet s : FeatureSet.values()) {
            if (s.hasDeltas()) continue;
            var ex = assertThrows(IllegalArgumentException.class, () -> ExtractorSpec.of(s, Level.LLD_DELTAS));
            assertTrue(ex.getMessage().contains("lld_de"), ex.getMessage());
        }
    }

    @Test
    void egemapsFrameCountFollowsTheSixtyMillisecondFraming() {
        // Frame-level rows: (N - 3 x 20 ms) / 10 ms + 2, as observed from openSMILE.
        try (Extractor e = Extractor.open(ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.LLD))) {
            for (int n : new int[]{16_000, 16_000 + 77, 48_000}) {
                FeatureTable t = e.extract(Signals.noise((double) n / 16_000, 16_000, 0.1, n));
                assertEquals((n - 960) / 160 + 2, t.rows(), "rows for " + n + " samples");
                assertEquals(0.0, t.starts()[0], 1e-9);
                assertEquals(0.02, t.ends()[0] - t.starts()[0], 1e-9);
                assertEquals(0.01, t.starts()[1] - t.starts()[0], 1e-9);
            }
        }
    }

    @Test
    void intermediateLevelsCanBeRead() {
        // The pitch candidates before Viterbi smoothing: a 200 Hz harmonic tone is found at 200 Hz (within its 2% vibrato).
        ExtractorSpec spec = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS);
        try (NativeExtractor e = NativeExtractor.openLevel(spec, "gemapsv01b_pitchShsG60")) {
            List<String> names = e.featureNames();
            assertTrue(names.contains("F0raw"), names.toString());
            FeatureTable t = e.extract(Signals.voiced(1.0, 16_000, 200, 7));
            int f0 = t.column("F0raw");
            assertEquals(200, t.get(t.rows() / 2, f0), 6.0, "F0raw mid-file");
        }
        // refused before openSMILE sees it (openSMILE aborts the process on a sink level nothing writes)
        var ex = assertThrows(IllegalArgumentException.class, () -> NativeExtractor.openLevel(spec, "no_such_level"));
        assertTrue(ex.getMessage().contains("no_such_level") && ex.getMessage().contains("gemapsv01b_pitchShsG60"), ex.getMessage());
    }

    @Test
    void badInputGetsClearErrors() {
        try (Extractor e = Extractor.open(EGEMAPS)) {
            assertMessage(e, AudioBuffer.mono(new float[0], 16_000), "empty");
            float[] nan = Signals.noise(1, 16_000, 0.1, 3).samples();
            nan[1234] = Float.NaN;
            assertMessage(e, AudioBuffer.mono(nan, 16_000), "frame 1234");
            float[] inf = Signals.noise(1, 16_000, 0.1, 3).samples();
            inf[7] = Float.POSITIVE_INFINITY;
            assertMessage(e, AudioBuffer.mono(inf, 16_000), "non-finite");
            assertMessage(e, Signals.noise(1, 4_000, 0.1, 4), "outside");
            assertMessage(e, Signals.noise(0.2, 200_000, 0.1, 4), "outside");
            // 959 samples at 16 kHz: one sample short of eGeMAPS's 60 ms frame
            assertMessage(e, Signals.noise(959 / 16_000.0, 16_000, 0.1, 5), "too short");
            // and the extractor still works afterwards
            assertEquals(88, e.extract(Signals.voiced(1, 16_000, 150, 6)).columns());
        }
        try (Extractor e = Extractor.open(ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.LLD))) {
            assertMessage(e, Signals.noise(0.01, 16_000, 0.1, 5), "too short");
            assertEquals(2, e.extract(Signals.noise(0.06, 16_000, 0.1, 5)).rows(), "exactly one 60 ms frame");
        }
    }

    @Test
    void silenceIsNotAnError() {
        try (Extractor e = Extractor.open(EGEMAPS)) {
            FeatureTable t = e.extract(AudioBuffer.mono(new float[16_000], 16_000));
            for (float v : t.values()) assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void missingConfigurationIsAClearError() {
        String old = System.getProperty("sonemo.opensmile.config");
        System.setProperty("sonemo.opensmile.config", "/nonexistent/opensmile/config");
        try {
            var ex = assertThrows(SmileLibraryException.class, () -> Extractor.open(EGEMAPS));
            assertTrue(ex.getMessage().contains("/nonexistent/opensmile/config"), ex.getMessage());
            assertTrue(ex.getMessage().contains("fetch-opensmile"), ex.getMessage());
        } finally {
            if (old == null) System.clearProperty("sonemo.opensmile.config");
            else System.setProperty("sonemo.opensmile.config", old);
        }
    }

    @Test
    void reusedInstanceEqualsFreshInstances() {
        List<AudioBuffer> inputs = List.of(
                Signals.voiced(1.3, 16_000, 140, 10), Signals.voiced(0.7, 44_100, 220, 11),
                Signals.noise(0.9, 16_000, 0.05, 12), Signals.voiced(2.0, 16_000, 310, 13));
        List<float[]> fresh = new ArrayList<>();
        try (Extractor e = NativeExtractor.openFreshPerInput(EGEMAPS)) {
            for (AudioBuffer a : inputs) fresh.add(e.extract(a).values());
        }
        try (Extractor e = Extractor.open(EGEMAPS)) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < inputs.size(); i++) {
                    assertArrayEquals(fresh.get(i), e.extract(inputs.get(i)).values(), "input " + i + " round " + round);
                }
            }
        }
    }

    @Test
    void threadsGiveTheSameResultsAsASerialRun() {
        List<AudioBuffer> inputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) inputs.add(Signals.voiced(0.5 + 0.1 * i, i % 3 == 0 ? 44_100 : 16_000, 120 + 20 * i, i));
        List<float[]> serial = new ArrayList<>();
        try (Extractor e = Extractor.open(EGEMAPS)) {
            for (AudioBuffer a : inputs) serial.add(e.extract(a).values());
        }
        for (int threads : new int[]{2, 4}) {
            List<float[]> parallel = new ArrayList<>();
            try (ExtractorPool pool = new ExtractorPool(EGEMAPS, threads)) {
                pool.extractAll(inputs, a -> a, false, o -> {
                    assertTrue(o.ok(), () -> String.valueOf(o.error()));
                    parallel.add(o.tables().getFirst().values());
                });
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertArrayEquals(serial.get(i), parallel.get(i), threads + " threads, input " + i);
            }
        }
    }

    @Test
    void oneBadInputInABatchDoesNotLoseTheOthers() {
        List<AudioBuffer> inputs = List.of(Signals.voiced(1, 16_000, 150, 1), AudioBuffer.mono(new float[0], 16_000),
                Signals.voiced(1, 16_000, 250, 2));
        List<ExtractorPool.Outcome<AudioBuffer>> out = new ArrayList<>();
        try (ExtractorPool pool = new ExtractorPool(EGEMAPS, 2)) {
            pool.extractAll(inputs, a -> a, false, out::add);
        }
        assertEquals(3, out.size());
        assertTrue(out.get(0).ok());
        assertFalse(out.get(1).ok());
        assertTrue(out.get(1).error().getMessage().contains("empty"));
        assertTrue(out.get(2).ok());
    }

    @Test
    void multichannelMixesDownOrSplits() {
        AudioBuffer a = Signals.voiced(1, 16_000, 150, 1);
        AudioBuffer b = Signals.voiced(1, 16_000, 260, 2);
        float[] stereo = new float[a.frames() * 2];
        float[] same = new float[a.frames() * 2];
        for (int i = 0; i < a.frames(); i++) {
            stereo[2 * i] = a.samples()[i];
            stereo[2 * i + 1] = b.samples()[i];
            same[2 * i] = same[2 * i + 1] = a.samples()[i];
        }
        try (Extractor e = Extractor.open(EGEMAPS)) {
            float[] mono = e.extract(a).values();
            assertArrayEquals(mono, e.extract(new AudioBuffer(same, 16_000, 2)).values(), "identical channels mix to the same signal");
            List<FeatureTable> each = e.extractPerChannel(new AudioBuffer(stereo, 16_000, 2));
            assertEquals(2, each.size());
            assertArrayEquals(mono, each.get(0).values());
            assertArrayEquals(e.extract(b).values(), each.get(1).values());
        }
    }

    @Test
    void inputScaleMatchesOpenSmilesInt16Convention() {
        // OPENSMILE_INT16 on x equals UNITY on x * 32768/32767, bit for bit.
        AudioBuffer x = Signals.voiced(1, 16_000, 170, 3);
        float[] scaled = x.samples().clone();
        for (int i = 0; i < scaled.length; i++) scaled[i] = (float) (scaled[i] * 32768.0) / 32767f;
        try (Extractor smile = Extractor.open(EGEMAPS);
             Extractor unity = Extractor.open(EGEMAPS.withScale(InputScale.UNITY))) {
            float[] a = smile.extract(x).values();
            assertArrayEquals(a, unity.extract(AudioBuffer.mono(scaled, 16_000)).values());
            assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(unity.extract(x).values()));
        }
    }

    @Test
    void noNativeMemoryGrowthOverManyRuns() throws Exception {
        AudioBuffer a = Signals.voiced(1, 16_000, 150, 1);
        try (Extractor e = Extractor.open(EGEMAPS)) {
            for (int i = 0; i < 50; i++) e.extract(a);
            long before = rssKiB();
            for (int i = 0; i < 400; i++) e.extract(a);
            long grown = rssKiB() - before;
            // a leak of even 20 KiB per run would show as 8 MB here
            assertTrue(grown < 8 * 1024, "resident memory grew by " + grown + " KiB over 400 runs");
        }
    }

    private static long rssKiB() throws Exception {
        Path status = Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(status), "needs /proc (Linux) to read resident memory");
        System.gc();
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static void assertMessage(Extractor e, AudioBuffer input, String expected) {
        var ex = assertThrows(ExtractionException.class, () -> e.extract(input));
        assertTrue(ex.getMessage().contains(expected), "message '" + ex.getMessage() + "' should mention " + expected);
    }
}
