package org.sonemo.egemaps;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sonemo.opensmile.NativeExtractor;
import org.sonemo.opensmile.SmileInstance;

import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Functionals#peaks} against openSMILE's own peak functional: crafted contours go through
 * {@code cExternalSource} into a cFunctionals component configured as eGeMAPS configures it for
 * the loudness contour (test resource {@code opensmile/peaks2.conf}), so the functional is seen
 * alone, without the rest of the feature set.
 */
class PeakFunctionalParityTest {
    static final double PERIOD = 0.01;

    /** openSMILE's {numPeaks per second, meanRising, stddevRising, meanFalling, stddevFalling}. */
    static double[] nativePeaks(double[] x) throws Exception {
        return nativePeaks(x, Map.of());
    }

    static double[] nativePeaks(double[] x, Map<String, String> options) throws Exception {
        Assumptions.assumeTrue(NativeExtractor.isAvailable(), "native openSMILE not found; skipping");
        Path conf = Path.of(PeakFunctionalParityTest.class.getResource("/opensmile/peaks2.conf").toURI());
        try (SmileInstance s = SmileInstance.create(conf, options)) {
            float[] f = new float[x.length];
            for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
            List<double[]> rows = new ArrayList<>();
            s.setFrameSink((d, nT, n, t, p, l) -> {
                double[] r = new double[n];
                for (int i = 0; i < n; i++) r[i] = d.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                rows.add(r);
            });
            s.writeFrames(f, f.length, 1);
            s.endOfFrames();
            s.run();
            assertEquals(1, rows.size());
            return rows.get(0);
        }
    }

    static double[] javaPeaks(double[] x) {
        float[] f = new float[x.length]; // the native side sees float values
        double[] xf = new double[x.length];
        for (int i = 0; i < x.length; i++) xf[i] = f[i] = (float) x[i];
        double[] p = Functionals.peaks(xf, 0.1, PERIOD);
        p[0] /= x.length * PERIOD;
        return p;
    }

    static void check(double[] x, String what) throws Exception {
        double[] a = nativePeaks(x), b = javaPeaks(x);
        for (int i = 0; i < 5; i++) {
            assertEquals(a[i], b[i], 1e-4 * Math.max(1, Math.abs(a[i])), what + " value " + i + ": " + java.util.Arrays.toString(b) + " vs " + java.util.Arrays.toString(a));
        }
    }

    @Test
    void craftedContoursMatchOpenSmile() throws Exception {
        String[] cases = {"0 1 2 3 2 1 0 1 2 1 0", "0 0 4 0 0 0 2 0 0 0 6 0 0", "5 4 3 0 0 0 2 0 0 0 6 0 0",
                "0 4 0 2 0 3 0 1 0 4 0", "1 3 0 0 0", "0 3 0 0 1", "0 0 5.5 4.8 5 0 0 0", "0 0 5 4.3 4.5 4.4 6 0 0 0",
                "5 5 1 3 0.5 0 0 0", "0 2 1 6 0.5 0 0 0", "0 0 3 3 0 0 0 0", "0 0 3 2 2.5 2 3 0 0 0",
                "0 0 5 3 3.3 2 6 0 0 0", "2.9 2.9 3 0 0 0 0 0", "0 1 5 1 4 0 3 0.5 1 1 1 1"};
        for (String c : cases) {
            String[] t = c.split(" ");
            double[] x = new double[t.length];
            for (int i = 0; i < t.length; i++) x[i] = Double.parseDouble(t[i]);
            check(x, c);
        }
    }

    /** One contour per rule of {@link Functionals#peaks} (test resource opensmile/peak-probes.txt). */
    @Test
    void ruleProbesMatchOpenSmile() throws Exception {
        Path probes = Path.of(PeakFunctionalParityTest.class.getResource("/opensmile/peak-probes.txt").toURI());
        int count = 0;
        for (String line : java.nio.file.Files.readAllLines(probes)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] t = line.trim().split("\\s+");
            double[] x = new double[t.length];
            for (int i = 0; i < t.length; i++) x[i] = Double.parseDouble(t[i]);
            check(x, line);
            count++;
        }
        assertEquals(22, count);
    }

    /**
     * Random smoothed contours (like loudness after sma3). Measured: 37 of 40 agree exactly (before
     * the rules of 2026-11-24: 30). Seeds 5-11: 33, 29, 33, 35, 33, 36, 35 of 40 (before 30, 21,
     * 33, 33, 27, 32, 32). The rest differ where a valley at a plateau or a pending maximum near
     * the end decides, cases the rules do not cover.
     */
    @Test
    void randomSmoothedContoursMostlyMatchOpenSmile() throws Exception {
        Random r = new Random(4);
        int exact = 0, samePeaks = 0, total = 40;
        List<String> off = new ArrayList<>();
        for (int k = 0; k < total; k++) {
            int n = 20 + r.nextInt(400);
            double[] w = new double[n], x = new double[n];
            double v = 0;
            for (int i = 0; i < n; i++) w[i] = v = Math.max(0, v + r.nextGaussian());
            for (int i = 0; i < n; i++) x[i] = (w[Math.max(0, i - 1)] + w[i] + w[Math.min(n - 1, i + 1)]) / 3; // like sma3
            double[] a = nativePeaks(x), b = javaPeaks(x);
            boolean same = true;
            for (int i = 0; i < 5; i++) same &= Math.abs(a[i] - b[i]) <= 1e-4 * Math.max(1, Math.abs(a[i]));
            if (same) exact++;
            if (Math.abs(a[0] - b[0]) <= 1e-4 * a[0]) samePeaks++;
            else off.add(k + ": " + java.util.Arrays.toString(b) + " vs " + java.util.Arrays.toString(a));
        }
        System.out.println("peak functional: " + exact + " of " + total + " random contours exact, " + samePeaks
                + " with the same number of peaks; off: " + off);
        assertTrue(exact >= 37, exact + " of " + total + " exact; off: " + off);
    }

    /**
     * F0-like contours: voiced runs (a random walk in semitones, smoothed within the run) between
     * unvoiced gaps of zeros. eGeMAPS takes the F0 slopes with nonZeroFuncts = 1, which is the
     * functional over the contour with its zeros removed (checked on openSMILE's own F0 contours
     * of 15 TAVA clips: identical values), so slopes run straight across the gaps. Measured: 35 of
     * 40 exact; the 5 others differ the same way when their zero-free contour is fed without
     * nonZeroFuncts, so the peak rules, not the gaps, miss them.
     */
    @Test
    void randomF0LikeContoursWithGapsMatchOpenSmile() throws Exception {
        Random r = new Random(11);
        int exact = 0, total = 40;
        List<String> off = new ArrayList<>();
        for (int k = 0; k < total; k++) {
            List<Double> c = new ArrayList<>();
            while (c.size() < 150 + r.nextInt(250)) {
                int gap = 3 + r.nextInt(25), run = 3 + r.nextInt(60);
                for (int i = 0; i < gap; i++) c.add(0.0);
                double v = 25 + 20 * r.nextDouble();
                double[] w = new double[run];
                for (int i = 0; i < run; i++) w[i] = v += 0.6 * r.nextGaussian();
                for (int i = 0; i < run; i++) c.add((w[Math.max(0, i - 1)] + w[i] + w[Math.min(run - 1, i + 1)]) / 3);
            }
            double[] x = new double[c.size()];
            for (int i = 0; i < x.length; i++) x[i] = (float) (double) c.get(i);
            double[] a = nativePeaks(x, Map.of("-nonZeroFuncts", "1"));
            double[] b = Functionals.peaks(Functionals.nonZero(x, x.length), 0.1, PERIOD);
            boolean same = true;
            for (int i = 1; i < 5; i++) same &= Math.abs(a[i] - b[i]) <= 1e-4 * Math.max(1, Math.abs(a[i]));
            if (same) exact++;
            else off.add(k + ": " + java.util.Arrays.toString(b) + " vs " + java.util.Arrays.toString(a));
        }
        System.out.println("peak functional, F0-like contours with gaps: " + exact + " of " + total + " exact; off: " + off);
        assertTrue(exact >= 35, exact + " of " + total + " exact; off: " + off);
    }
}
