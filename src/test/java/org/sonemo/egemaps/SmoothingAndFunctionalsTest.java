package org.sonemo.egemaps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Closed-form checks of the smoother and the statistics, with openSMILE's observed quirks. */
class SmoothingAndFunctionalsTest {
    @Test
    void plainSma3AveragesNeighboursAndRepeatsTheEdges() {
        double[] y = Smoothing.plain(new double[]{3, 6, 9, 0, 3}, 5, false);
        assertArrayEquals(new double[]{4, 6, 5, 4, 2}, y, 1e-12);
    }

    @Test
    void sma3nzKeepsZerosAndLeavesThemOutOfAverages() {
        double[] y = Smoothing.plain(new double[]{0, 4, 8, 0, 6}, 5, true);
        assertArrayEquals(new double[]{0, 6, 6, 0, 6}, y, 1e-12);
    }

    @Test
    void frameLevelOutputHasOneExtraFrameAndAShiftedUnsmoothedTail() {
        // observed in openSMILE 3.0.2 eGeMAPS v02 output: y[n-2] = (x[n-3] + 2 x[n-2]) / 3, y[n-1] = x[n-2], y[n] = x[n-1]
        double[] y = Smoothing.sma3(new double[]{3, 6, 9, 12, 15, 30}, 6);
        assertArrayEquals(new double[]{4, 6, 9, 12, 14, 15, 30}, y, 1e-12);
    }

    @Test
    void percentilesInterpolateLinearlyAtPTimesNMinusOne() {
        double[] s = {1, 2, 3, 4, 5};
        assertEquals(1.8, Functionals.percentile(s, 0.2), 1e-12);
        assertEquals(3, Functionals.percentile(s, 0.5), 1e-12);
        assertEquals(4.2, Functionals.percentile(s, 0.8), 1e-12);
        assertEquals(0, Functionals.percentile(new double[0], 0.5));
    }

    @Test
    void stddevNormIsPopulationSigmaOverTheSignedMean() {
        assertEquals(1 / 2.0, Functionals.stddevNorm(new double[]{1, 3}), 1e-12);
        assertEquals(-1 / 2.0, Functionals.stddevNorm(new double[]{-1, -3}), 1e-12);
        assertEquals(0, Functionals.stddevNorm(new double[]{-1, 1}));
    }

    @Test
    void segmentsBridgeSingleFramesAndNeedThreeOwnFrames() {
        double[] x = {0, 0, 5, 5, 5, 0, 5, 5, 0, 0, 0};
        // voiced: frames 2..7, the single zero at 5 bridged: one segment, 7 - 2 = 5 frames long
        assertArrayEquals(new double[]{1, 5, 0}, Functionals.segments(x, true), 1e-12);
        // unvoiced: 0..1 and 5 hold fewer than 3 zeros; 8..10 is 2 frames long
        assertArrayEquals(new double[]{1, 2, 0}, Functionals.segments(x, false), 1e-12);
        double[] y = {5, 5, 5, 0, 0, 5, 0, 5, 5, 0, 0, 0, 0, 5};
        // voiced: 0..2 (2), 5..8 (3; the zero at 6 bridged); unvoiced: 3..6 (3; the voiced frame at
        // 5 bridged), 9..12 before a single voiced frame at the end (3)
        assertArrayEquals(new double[]{2, 2.5, 0.5}, Functionals.segments(y, true), 1e-12);
        assertArrayEquals(new double[]{2, 3, 0}, Functionals.segments(y, false), 1e-12);
    }

    @Test
    void peaksOfATriangleWaveHaveItsSlopes() {
        int n = 200;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.abs((i % 40) - 20); // period 40 frames, 20 up and 20 down
        double[] p = Functionals.peaks(x, 0.1, 0.01);
        assertEquals(100, p[1], 1e-9); // 20 units over 0.2 s
        assertEquals(100, p[3], 1e-9);
        assertEquals(0, p[2], 1e-9);
    }
}
