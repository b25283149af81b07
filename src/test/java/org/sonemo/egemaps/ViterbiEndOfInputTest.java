package org.sonemo.egemaps;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sonemo.audio.AudioBuffer;
import org.sonemo.features.Engine;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputScale;
import org.sonemo.features.Level;
import org.sonemo.opensmile.NativeExtractor;
import org.sonemo.opensmile.SmileInstance;

import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many of the Viterbi smoother's frames openSMILE's functionals see: crafted pitch candidates
 * through {@code cPitchSmootherViterbi}, a {@code cContourSmoother} and the Segments functional
 * (test resource {@code opensmile/viterbi-segments.conf}, as eGeMAPS chains them). The functional
 * sees the first n - u frames, u the frames {@link PitchViterbi#smooth} reports undecided at end of
 * input (at most bufferLength - 1). Without the contour smoother in between it sees all n; fed all at
 * once with the end of input right after, it sees only the few frames processed by then, so the frames
 * are written first and the end of input follows once openSMILE is idle.
 */
class ViterbiEndOfInputTest {
    private static final int K = PitchShs.MAX_CANDIDATES, FIELDS = 1 + 3 * K + 2;

    /**
     * openSMILE's Segments functional (nonX, X = 0) on the smoothed F0final and voicingFinalUnclipped:
     * {numSegments per second, meanSegLen, segLenStddev} of each.
     */
    static double[] nativeSegments(double[][] f0, double[][] voicing, int bufferLength) throws Exception {
        Assumptions.assumeTrue(NativeExtractor.isAvailable(), "native openSMILE not found; skipping");
        Path conf = Path.of(ViterbiEndOfInputTest.class.getResource("/opensmile/viterbi-segments.conf").toURI());
        try (SmileInstance s = SmileInstance.create(conf, Map.of("bufferLength", Integer.toString(bufferLength)))) {
            List<Double> out = new ArrayList<>();
            s.setFrameSink((d, nT, n, t, p, l) -> {
                for (int i = 0; i < n; i++) out.add((double) d.getAtIndex(ValueLayout.JAVA_FLOAT, i));
            });
            Thread runner = new Thread(s::run);
            runner.start();
            for (int t = 0; t < f0.length; t++) {
                s.writeFrames(ViterbiProbeTest.frame(f0[t], voicing[t]), 1, FIELDS);
                Thread.sleep(1);
            }
            Thread.sleep(300);
            s.endOfFrames();
            runner.join();
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** {@link PitchViterbi} on the candidates as openSMILE sees them (float, cut-off 0): F0 into out, returns undecided. */
    static int javaUndecided(double[][] f0, double[][] voicing, double[] out) {
        return ViterbiProbeTest.javaSmooth(f0, voicing, out);
    }

    /** {numSegments per second, mean and stddev of length in seconds} of voiced segments in the first m frames. */
    static double[] javaSegments(double[] f0, int m) {
        double[] s = Functionals.segments(Arrays.copyOf(f0, m), true);
        return new double[]{s[0] / (m * 0.01), s[1] * 0.01, s[2] * 0.01};
    }

    /**
     * Random candidate sequences (0 to 6 candidates, 60-600 Hz, voicings 0.3-0.95, half the frames
     * repeating the previous one; none in the first 3 frames, where openSMILE's choice at frame 0 is
     * not modelled, see {@code ViterbiProbeTest}). Measured: openSMILE's segment values equal ours over the first
     * n - undecided frames on all 16 sequences (undecided 1 on 8, 2 on 4, 3 on 2, 4 and 5 on one
     * each); over n - 1 frames they would differ on 8 of them.
     */
    @Test
    void functionalsSeeTheFramesDecidedAtEndOfInput() throws Exception {
        Random r = new Random(5);
        Map<Integer, Integer> undecidedSeen = new TreeMap<>();
        int discriminating = 0;
        for (int k = 0; k < 16; k++) {
            int n = 40 + r.nextInt(60);
            double[][] f = new double[n][], v = new double[n][];
            ViterbiProbeTest.randomCandidates(r, 0.5, t -> t < 3 || r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(K), f, v);
            double[] out = new double[n];
            int u = javaUndecided(f, v, out);
            undecidedSeen.merge(u, 1, Integer::sum);
            double[] nat = Arrays.copyOf(nativeSegments(f, v, PitchViterbi.BUFFER_LENGTH), 3);
            double[] ours = javaSegments(out, n - u), oneLess = javaSegments(out, n - 1);
            for (int i = 0; i < 3; i++) {
                assertEquals(nat[i], ours[i], 1e-5 * Math.max(1, Math.abs(nat[i])), "sequence " + k + " (n " + n + ", undecided "
                        + u + "): ours " + Arrays.toString(ours) + " openSMILE " + Arrays.toString(nat));
            }
            if (Math.abs(oneLess[0] - nat[0]) > 1e-5 * Math.max(1, nat[0])) discriminating++;
        }
        System.out.println("undecided at end of input -> sequences: " + undecidedSeen + "; " + discriminating
                + " where n - 1 frames would give another value");
        assertTrue(discriminating >= 5, "too few sequences tell n - undecided from n - 1: " + discriminating);
    }

    /**
     * Frames whose paths never meet (one 200 Hz candidate whose voiced cost, -2 ln v = 8.98, is just
     * below the unvoiced state's 9 per frame, so each state keeps its own path): the decoder holds at
     * most bufferLength - 1 frames; the functional sees n - 39 (bufferLength 40) and n - 9
     * (bufferLength 10) frames, read from the voicing field's one segment (voicing never 0).
     */
    @Test
    void atMostBufferLengthMinusOneFramesAreHeldBack() throws Exception {
        for (int buffer : new int[]{40, 10}) {
            for (int n : new int[]{60, 100}) {
                double[][] f = new double[n][], v = new double[n][];
                for (int t = 0; t < n; t++) {
                    f[t] = new double[]{200};
                    v[t] = new double[]{Math.exp(-4.49)};
                }
                double[] nat = nativeSegments(f, v, buffer);
                double seen = 1 / nat[3] / 0.01;
                assertEquals(n - (buffer - 1), seen, 1e-3, "bufferLength " + buffer + ", n " + n + ": " + Arrays.toString(nat));
                assertEquals((n - buffer) * 0.01, nat[4], 1e-5, "one segment of n - bufferLength + 1 frames");
            }
        }
        double[][] f = new double[100][], v = new double[100][];
        for (int t = 0; t < 100; t++) {
            f[t] = new double[]{200};
            v[t] = new double[]{Math.exp(-4.49)};
        }
        assertEquals(PitchViterbi.BUFFER_LENGTH - 1, javaUndecided(f, v, new double[100]));
    }

    /** Steady voiced frames to the end leave 2 frames undecided; frames without candidates at the end 1. */
    @Test
    void undecidedFramesOfSimpleEndings() {
        int n = 50;
        double[][] f = new double[n][], v = new double[n][];
        for (int t = 0; t < n; t++) {
            f[t] = new double[]{200};
            v[t] = new double[]{0.9};
        }
        assertEquals(2, javaUndecided(f, v, new double[n]));
        for (int t = n - 5; t < n; t++) {
            f[t] = new double[0];
            v[t] = new double[0];
        }
        assertEquals(1, javaUndecided(f, v, new double[n]));
    }

    /**
     * Voiced to the very end (harmonic complexes with vibrato, 16-bit): F0, segment and voiced
     * spectral functionals equal openSMILE's, which
     * the TAVA clips (unvoiced at the end) cannot show. Counting n60 - 1 frames, 13 of these 24 values
     * were off: voiced segments per second, mean voiced segment length and alphaRatioV mean on all
     * three inputs (e.g. 1.2346 against 1.2500 per second), the F0 mean on two (36.0107 against
     * 35.9977 semitones).
     */
    @Test
    void pitchFunctionalsOfInputsVoicedToTheEnd() throws Exception {
        Assumptions.assumeTrue(NativeExtractor.isAvailable(), "native openSMILE not found; skipping");
        List<String> names = List.of("F0semitoneFrom27.5Hz_sma3nz_amean", "F0semitoneFrom27.5Hz_sma3nz_stddevNorm",
                "F0semitoneFrom27.5Hz_sma3nz_percentile50.0", "VoicedSegmentsPerSec", "MeanVoicedSegmentLengthSec",
                "alphaRatioV_sma3nz_amean", "alphaRatioV_sma3nz_stddevNorm", "hammarbergIndexV_sma3nz_amean");
        List<String> bad = new ArrayList<>();
        int[][] cases = {{48000, 150, 123, 5}, {48000, 220, 87, 8}, {16000, 120, 110, 2}};
        try (Extractor nf = Extractor.open(new ExtractorSpec(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS, Engine.NATIVE, InputScale.OPENSMILE_INT16));
             Extractor jf = Extractor.open(new ExtractorSpec(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS, Engine.JAVA, InputScale.OPENSMILE_INT16))) {
            for (int[] c : cases) {
                int rate = c[0], n = rate * c[2] / 100;
                Random r = new Random(c[1]);
                float[] x = new float[n];
                double ph = 0;
                for (int i = 0; i < n; i++) {
                    ph += 2 * Math.PI * c[1] * (1 + c[3] / 100.0 * Math.sin(2 * Math.PI * 5 * i / rate)) / rate;
                    double y = 0.01 * r.nextGaussian();
                    for (int k = 1; k < 8; k++) y += 0.3 / k * Math.sin(k * ph);
                    x[i] = Math.round(y * 12000) / 32768f;
                }
                AudioBuffer a = AudioBuffer.mono(x, rate);
                FeatureTable u = nf.extract(a), v = jf.extract(a);
                for (String name : names) {
                    double p = u.get(0, u.column(name)), q = v.get(0, v.column(name));
                    if (!(Math.abs(p - q) <= 1e-4 * Math.max(1, Math.abs(p)))) bad.add(Arrays.toString(c) + " " + name + ": " + q + " vs " + p);
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.toString());
    }
}
