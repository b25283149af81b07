package org.sonemo.egemaps;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;
import org.sonemo.dsp.Framing;
import org.sonemo.dsp.RealFft;
import org.sonemo.dsp.Windows;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputScale;
import org.sonemo.features.Level;
import org.sonemo.opensmile.NativeExtractor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The F0 pipeline stage by stage against openSMILE's intermediate levels on the same samples
 * (tones, a harmonic complex, white noise, and a few TAVA clips at 48 and 16 kHz): the octave-scale
 * spectrum ({@code gemapsv01b_hpsG60}) and the SHS candidates ({@code gemapsv01b_pitchShsG60}).
 * Skipped when the native library or the corpus is absent.
 */
class PitchStagesTest {
    /** One signal through openSMILE (levels) and through our window, FFT and {@link PitchShs}. */
    record Run(FeatureTable hps, FeatureTable cands, List<double[]> ourHps, List<double[]> ourCands) {
    }

    static Run run(float[] x, int rate) {
        Assumptions.assumeTrue(NativeExtractor.isAvailable(), "native openSMILE not found; skipping");
        ExtractorSpec spec = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.LLD).withScale(InputScale.UNITY);
        AudioBuffer a = AudioBuffer.mono(x, rate);
        FeatureTable hps, cands;
        try (NativeExtractor e = NativeExtractor.openLevel(spec, "gemapsv01b_hpsG60")) {
            hps = e.extract(a);
        }
        try (NativeExtractor e = NativeExtractor.openLevel(spec, "gemapsv01b_pitchShsG60")) {
            cands = e.extract(a);
        }
        int len = (int) Math.round(0.060 * rate), hop = (int) Math.round(0.010 * rate), n = Framing.nextPowerOfTwo(len);
        double[] w = Windows.gaussian(len, 0.4), frame = new double[len], mag = new double[n / 2 + 1];
        RealFft fft = new RealFft(n);
        PitchShs shs = new PitchShs(n, rate);
        List<double[]> oh = new ArrayList<>(), oc = new ArrayList<>();
        for (int t = 0; t < Framing.count(x.length, len, hop); t++) {
            Framing.frame(x, t, hop, w, frame);
            RealFft.magnitude(fft.forward(frame, len), n, mag);
            shs.analyze(mag);
            oh.add(shs.hps.clone());
            double[] c = new double[1 + 3 * PitchShs.MAX_CANDIDATES];
            c[0] = shs.candidates;
            for (int i = 0; i < PitchShs.MAX_CANDIDATES; i++) {
                c[1 + i] = shs.candF0[i];
                c[7 + i] = shs.candVoicing[i];
                c[13 + i] = shs.candScore[i];
            }
            oc.add(c);
        }
        return new Run(hps, cands, oh, oc);
    }

    /**
     * Largest error of the octave-scale spectrum relative to the frame's maximum, over points at
     * or above {@code fromHz}: near its first knots (below ~100 Hz) openSMILE's spline differs from ours
     * by up to 1.5e-4 at 75 Hz and 5e-3 at 25 Hz of the frame maximum, for a reason not found (tried:
     * DC as a knot at various positions, other end conditions).
     */
    static double hpsError(Run r, int rate, double fromHz) {
        double worst = 0;
        int points = r.ourHps.getFirst().length;
        double step = PitchShs.log2(rate / 2.0 / 25) / (points - 1);
        int from = (int) Math.ceil(PitchShs.log2(fromHz / 25) / step);
        for (int t = 0; t < r.ourHps.size(); t++) {
            double[] o = r.ourHps.get(t);
            double max = 1e-12;
            for (int j = 0; j < points; j++) max = Math.max(max, r.hps.get(t, j));
            for (int j = from; j < points; j++) worst = Math.max(worst, Math.abs(o[j] - r.hps.get(t, j)) / max);
        }
        return worst;
    }

    /** Fraction of frames whose candidate count, frequencies, voicings and scores all agree. */
    static double candidateAgreement(Run r) {
        int ok = 0;
        for (int t = 0; t < r.ourCands.size(); t++) {
            double[] o = r.ourCands.get(t);
            boolean same = o[0] == r.cands.get(t, 0);
            for (int i = 0; i < PitchShs.MAX_CANDIDATES && same; i++) {
                double f = r.cands.get(t, 1 + i), v = r.cands.get(t, 7 + i), s = r.cands.get(t, 13 + i);
                same = Math.abs(o[1 + i] - f) <= 1e-4 * f + 1e-3 && Math.abs(o[7 + i] - v) <= 1e-3
                        && Math.abs(o[13 + i] - s) <= 1e-3 * Math.abs(s) + 1e-9;
            }
            if (same) ok++;
            else if (System.getProperty("sonemo.debug") != null) {
                double[] nat = new double[19];
                for (int i = 0; i < 19; i++) nat[i] = r.cands.get(t, i);
                System.out.println("frame " + t + "\n ours   " + java.util.Arrays.toString(o) + "\n native " + java.util.Arrays.toString(nat));
            }
        }
        return (double) ok / r.ourCands.size();
    }

    static float[] synthetic(int rate) {
        int seg = rate / 5;
        float[] x = new float[seg * 6];
        Random rnd = new Random(7);
        for (int i = 0; i < seg; i++) {
            double t = (double) i / rate;
            x[i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * t));
            x[seg + i] = (float) (0.1 * Math.sin(2 * Math.PI * 3000 * t) + 0.05 * Math.sin(2 * Math.PI * 437 * t));
            double h = 0;
            for (int k = 1; k <= 10; k++) h += Math.pow(0.8, k) * Math.sin(2 * Math.PI * 201.3 * k * t);
            x[2 * seg + i] = (float) (0.05 * h);
            x[3 * seg + i] = (float) (0.05 * rnd.nextGaussian());
            x[4 * seg + i] = (float) (0.05 * h * (1 + 0.5 * Math.sin(2 * Math.PI * 3 * t)) + 0.005 * rnd.nextGaussian());
            x[5 * seg + i] = 0; // silence
        }
        return x;
    }

    static List<float[]> clips(int rate, int count) throws Exception {
        Path tava = Corpus.root().resolve("tava/audio");
        List<Path> files;
        try (Stream<Path> s = Files.walk(tava)) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path f = files.get(i * (files.size() / count));
            int[] r = new int[1];
            float[] x = Corpus.readPcm16(f, r);
            if (r[0] != rate) x = AudioFiles.resample(AudioBuffer.mono(x, r[0]), rate).samples();
            float[] y = new float[x.length];
            InputScale.OPENSMILE_INT16.apply(x, y, x.length);
            out.add(y);
        }
        return out;
    }

    @Test
    void octaveSpectrumMatchesOpenSmileAbove100HzOnSyntheticSignals() {
        for (int rate : new int[] {16000, 48000}) {
            Run r = run(synthetic(rate), rate);
            double e = hpsError(r, rate, 100);
            System.out.println("hps synthetic " + rate + ": max error / frame max " + e + " (from 25 Hz: " + hpsError(r, rate, 25) + ")");
            assertTrue(e <= 1e-4, "hps error " + e);
        }
    }

    @Test
    void shsCandidatesMatchOpenSmileOnSyntheticSignals() {
        for (int rate : new int[] {16000, 48000}) {
            double a = candidateAgreement(run(synthetic(rate), rate));
            System.out.println("SHS candidates synthetic " + rate + ": frames agreeing " + a);
            assertTrue(a >= 0.99, "candidate agreement " + a);
        }
    }

    @Test
    void octaveSpectrumAndCandidatesMatchOpenSmileOnTavaClips() throws Exception {
        for (int rate : new int[] {48000, 16000}) {
            for (float[] x : clips(rate, 3)) {
                Run r = run(x, rate);
                double e = hpsError(r, rate, 100), a = candidateAgreement(r);
                System.out.println("TAVA " + rate + ": hps error " + e + ", candidate frames agreeing " + a);
                assertTrue(e <= 1e-4, "hps error " + e);
                // the rest: peaks whose grid values nearly tie come out in the other order, and a
                // low (25-55 Hz) SHS peak enters or leaves the top 6 through the spline difference there
                assertTrue(a >= 0.97, "candidate agreement " + a);
            }
        }
    }

    /**
     * Frames whose candidates are openSMILE's, but listed in another order. openSMILE takes the 6
     * largest SHS peaks by grid value (as we do) and then swaps the one with the highest refined score
     * into first place (found on the 230 such frames of every 3rd TAVA clip at 16 kHz: 229 fit, the other
     * is a peak near 55 Hz). Before that, 606 of 70,905 frames at 16 kHz and 227 at 48 kHz (all 375
     * clips) had the right candidates in another order; after, 6 and 1 (F0FrameDump). Measured on these
     * 8 clips per rate: 0.
     */
    @Test
    void candidatesComeInOpenSmilesOrderOnTavaClips() throws Exception {
        for (int rate : new int[] {48000, 16000}) {
            int frames = 0, reordered = 0;
            for (float[] x : clips(rate, 8)) {
                Run r = run(x, rate);
                for (int t = 0; t < r.ourCands.size(); t++) {
                    double[] o = r.ourCands.get(t);
                    int n = (int) r.cands.get(t, 0);
                    double[] nf = new double[PitchShs.MAX_CANDIDATES], nv = new double[PitchShs.MAX_CANDIDATES];
                    for (int i = 0; i < PitchShs.MAX_CANDIDATES; i++) {
                        nf[i] = r.cands.get(t, 1 + i);
                        nv[i] = r.cands.get(t, 7 + i);
                    }
                    double[] of = java.util.Arrays.copyOfRange(o, 1, 7), ov = java.util.Arrays.copyOfRange(o, 7, 13);
                    if (F0FrameDump.candCode(nf, nv, n, of, ov, (int) o[0]) == 1) reordered++;
                    frames++;
                }
            }
            System.out.println("candidates in another order, " + rate + ": " + reordered + " of " + frames + " frames");
            assertTrue(reordered <= frames / 1000, reordered + " of " + frames + " frames reordered");
        }
    }

    /**
     * The smoother alone: openSMILE's own candidates ({@code pitchShsG60}) through {@link PitchViterbi},
     * against openSMILE's smoothed F0 ({@code logPitchRaw}). The cost terms were observed on openSMILE's
     * smoother (see PitchViterbi); a few choices between near-equal candidates still differ, so the
     * check is statistical. Measured on these 8 clips: the same F0 (to 0.01 Hz) on all 1768 frames
     * (6 off before the unvoiced costs of ViterbiProbeTest#unvoicedRunsInsideAtTheStartAndAtTheEndCostAsObserved).
     */
    @Test
    void viterbiOnOpenSmileCandidatesFollowsOpenSmileDecisions() throws Exception {
        Assumptions.assumeTrue(NativeExtractor.isAvailable(), "native openSMILE not found; skipping");
        ExtractorSpec spec = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.LLD).withScale(InputScale.UNITY);
        long frames = 0, voicing = 0, same = 0;
        for (float[] x : clips(48000, 8)) {
            AudioBuffer a = AudioBuffer.mono(x, 48000);
            FeatureTable c, f;
            try (NativeExtractor e = NativeExtractor.openLevel(spec, "gemapsv01b_pitchShsG60")) {
                c = e.extract(a);
            }
            try (NativeExtractor e = NativeExtractor.openLevel(spec, "gemapsv01b_logPitchRaw")) {
                f = e.extract(a);
            }
            int n = c.rows();
            double[][] f0 = new double[n][PitchShs.MAX_CANDIDATES], v = new double[n][PitchShs.MAX_CANDIDATES];
            int[] count = new int[n];
            for (int t = 0; t < n; t++) {
                count[t] = (int) c.get(t, 0);
                for (int i = 0; i < PitchShs.MAX_CANDIDATES; i++) {
                    f0[t][i] = c.get(t, 1 + i);
                    v[t][i] = c.get(t, 7 + i);
                }
            }
            double[] out = new double[n];
            PitchViterbi.smooth(f0, v, count, n, out);
            for (int t = 0; t < n; t++) {
                double ref = f.get(t, 0);
                frames++;
                if ((ref > 0) == (out[t] > 0)) voicing++;
                if (Math.abs(ref - out[t]) < 0.01) same++;
            }
        }
        double va = (double) voicing / frames, sa = (double) same / frames;
        System.out.println("Viterbi on openSMILE's candidates: voicing agrees " + va + ", same F0 " + sa + " (" + frames + " frames)");
        assertTrue(va >= 0.998, "voicing agreement " + va);
        assertTrue(sa >= 0.999, "same F0 " + sa);
    }
}
