package org.sonemo.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LpcTest {
    @ParameterizedTest
    @ValueSource(ints = {4096, 16384})
    void recoversAKnownAr2ProcessDrivenByWhiteNoise(int n) {
        double a1 = -1.3, a2 = 0.8; // x[t] = 1.3 x[t-1] - 0.8 x[t-2] + e[t]
        Random r = new Random(1);
        double[] x = new double[n];
        for (int t = 2; t < n; t++) x[t] = -a1 * x[t - 1] - a2 * x[t - 2] + r.nextGaussian();
        double[] ac = new double[3], a = new double[3], tmp = new double[3];
        Lpc.autocorrelation(x, n, ac, 2);
        Lpc.levinson(ac, 2, a, tmp);
        assertEquals(1, a[0], 0);
        assertEquals(a1, a[1], 0.05);
        assertEquals(a2, a[2], 0.05);
    }

    @Test
    void silenceGivesATrivialPredictorAndWhiteAutocorrelationNone() {
        double[] a = new double[12], tmp = new double[12];
        assertEquals(0, Lpc.levinson(new double[12], 11, a, tmp));
        assertEquals(1, a[0]);
        for (int i = 1; i < 12; i++) assertEquals(0, a[i]);
        double[] white = new double[12];
        white[0] = 2;
        assertEquals(2, Lpc.levinson(white, 11, a, tmp), 1e-12);
        for (int i = 1; i < 12; i++) assertEquals(0, a[i], 1e-12);
    }

    @Test
    void notPositiveDefiniteAutocorrelationStopsOrRunsToFullOrder() {
        // r = [1, 0.9, 0.2]: k1 = -0.9, err 0.19, then k2 = -(0.2 - 0.81) / 0.19 = 3.21..., err < 0
        double[] r = {1, 0.9, 0.2}, a = new double[3], tmp = new double[3];
        assertEquals(0, Lpc.levinson(r, 2, a, tmp)); // error clamped to 0 and the recursion stopped
        double k2 = 0.61 / 0.19;
        double err = Lpc.levinson(r, 2, a, tmp, false);
        assertEquals(k2, a[2], 1e-12);
        assertEquals(-0.9 - 0.9 * k2, a[1], 1e-12);
        assertEquals(0.19 * (1 - k2 * k2), err, 1e-12);
    }

    @Test
    void autocorrelationMatchesTheFftVersion() {
        Random r = new Random(3);
        int n = 777;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = r.nextGaussian();
        double[] direct = new double[50], viaFft = new double[50];
        Lpc.autocorrelation(x, n, direct, 49);
        new Autocorrelation(n).compute(x, n, viaFft, 49);
        for (int k = 0; k < 50; k++) assertEquals(direct[k], viaFft[k], 1e-9);
    }
}
