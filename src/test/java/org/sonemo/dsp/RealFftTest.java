package org.sonemo.dsp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Closed-form spectra, parameterised over sizes as JTransforms' own tests are. */
class RealFftTest {
    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8, 16, 64, 512, 1024, 4096, 8192})
    void impulseHasAFlatUnitSpectrum(int n) {
        RealFft fft = new RealFft(n);
        double[] x = new double[n];
        x[0] = 1;
        double[] mag = new double[fft.bins()];
        RealFft.magnitude(fft.forward(x, n), n, mag);
        for (double m : mag) assertEquals(1.0, m, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 64, 512, 1024, 4096})
    void toneOnABinHasAmplitudeNOverTwoThereAndNothingElsewhere(int n) {
        RealFft fft = new RealFft(n);
        int k = n / 8 + 1;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.cos(2 * Math.PI * k * i / n);
        double[] mag = new double[fft.bins()];
        RealFft.magnitude(fft.forward(x, n), n, mag);
        for (int b = 0; b < mag.length; b++) assertEquals(b == k ? n / 2.0 : 0.0, mag[b], 1e-9 * n);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 64, 1024})
    void dcAndNyquistLandInTheirBins(int n) {
        RealFft fft = new RealFft(n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 1 + ((i & 1) == 0 ? 2 : -2);
        double[] p = new double[fft.bins()];
        RealFft.power(fft.forward(x, n), n, p);
        assertEquals((double) n * n, p[0], 1e-6);
        assertEquals(4.0 * n * n, p[n / 2], 1e-6);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 256, 1024, 4096})
    void whiteNoiseObeysParsevalAndRoundTrips(int n) {
        RealFft fft = new RealFft(n);
        Random r = new Random(n);
        double[] x = new double[n];
        double e = 0;
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            e += x[i] * x[i];
        }
        double[] packed = fft.forward(x, n).clone();
        double[] p = new double[fft.bins()];
        RealFft.power(packed, n, p);
        double s = p[0] + p[n / 2];
        for (int k = 1; k < n / 2; k++) s += 2 * p[k];
        assertEquals(e, s / n, 1e-9 * e);
        fft.inverseInPlace(packed);
        for (int i = 0; i < n; i++) assertEquals(x[i], packed[i], 1e-10);
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 1024})
    void chirpEnergyIsConservedAndZeroPaddingKeepsItsShortLength(int n) {
        RealFft fft = new RealFft(n);
        int len = n * 3 / 4;
        double[] x = new double[len];
        double e = 0;
        for (int i = 0; i < len; i++) {
            double t = (double) i / len;
            x[i] = Math.sin(2 * Math.PI * (0.02 * n * t + 0.15 * n * t * t));
            e += x[i] * x[i];
        }
        double[] p = new double[fft.bins()];
        RealFft.power(fft.forward(x, len), n, p);
        double s = p[0] + p[n / 2];
        for (int k = 1; k < n / 2; k++) s += 2 * p[k];
        assertEquals(e, s / n, 1e-9 * e);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 100, 1000})
    void rejectsLengthsThatAreNotPowersOfTwo(int n) {
        assertThrows(IllegalArgumentException.class, () -> new RealFft(n));
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 512, 4096})
    void autocorrelationOfAToneIsACosine(int n) {
        RealFft fft = new RealFft(n);
        int k = 4;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.cos(2 * Math.PI * k * i / n);
        double[] acf = new double[n];
        fft.autocorrelationOf(fft.forward(x, n).clone(), acf);
        for (int l = 0; l < n; l++) assertEquals(n / 2.0 * Math.cos(2 * Math.PI * k * l / n), acf[l], 1e-9 * n);
    }
}
