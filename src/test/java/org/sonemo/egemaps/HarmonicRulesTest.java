package org.sonemo.egemaps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The harmonic search and level rules of {@link VoiceQuality#harmonicDifferences} (observed in
 * openSMILE, {@link HarmonicsNativeTest}) on crafted magnitude spectra, without openSMILE:
 * symmetric three-bin peaks, whose interpolated height is the peak bin itself.
 */
class HarmonicRulesTest {
    private static final int FFT = 1024, RATE = 1024; // 1 Hz per bin: f0 in Hz = f0 in bins
    private static final double TOL = 1e-9;

    private static double[] spectrum(double... binAndHeight) {
        double[] m = new double[FFT / 2 + 1];
        java.util.Arrays.fill(m, 0.01);
        for (int i = 0; i < binAndHeight.length; i += 2) {
            int b = (int) binAndHeight[i];
            m[b] = binAndHeight[i + 1];
            m[b - 1] = m[b + 1] = binAndHeight[i + 1] / 2;
        }
        return m;
    }

    private static double[] run(double[] mag, double f0) {
        double[] out = new double[5];
        new VoiceQuality(RATE, FFT).harmonicDifferences(mag, f0, new double[5], 0, out);
        return out;
    }

    @Test
    void h1h2IsTheSecondOverTheThirdHarmonic() {
        double[] out = run(spectrum(10, 8, 20, 4, 30, 2), 10);
        assertEquals(20 * Math.log10(4.0 / 2.0), out[0], TOL);
    }

    @Test
    void ofTwoPeaksEquallyFarFromTheRoundedPositionTheUpperOneIsTaken() {
        // harmonic 2 expected at bin 20: peaks at 18 and 22 (each 2 bins away)
        double[] out = run(spectrum(10, 8, 18, 1, 22, 4, 30, 2), 10);
        assertEquals(20 * Math.log10(4.0 / 2.0), out[0], TOL);
    }

    @Test
    void aHarmonicWithoutAPeakWithinHalfF0PlusHalfABinIsMinus200dBAndTheDifferenceIsClippedAt201() {
        // harmonic 3 (bin 30): a peak 5 bins away is taken (f0 / 2 + 0.5 = 5.5), one 6 bins away is not
        double[] out = run(spectrum(10, 8, 20, 4, 35, 2), 10);
        assertEquals(20 * Math.log10(4.0 / 2.0), out[0], TOL);
        out = run(spectrum(10, 8, 20, 4, 36, 2), 10);
        assertEquals(20 * Math.log10(4.0 / 8.0) + 200, out[0], TOL);
        out = run(spectrum(10, 8, 20, 16, 36, 2), 10);
        assertEquals(201, out[0], TOL);
    }

    @Test
    void aHarmonicThatFindsThePeakOfTheOneBelowIsMinus201dB() {
        // f0 5 bins: harmonic 2 (bin 10) finds the peak at 12, and so does harmonic 3 (bin 15, 3 bins away)
        double[] out = run(spectrum(5, 8, 12, 4), 5);
        assertEquals(20 * Math.log10(4.0 / 8.0) + 201, out[0], TOL);
    }

    @Test
    void withoutAFirstHarmonicTheDifferencesAre0AndTheFormantAmplitudesMinus201() {
        double[] out = run(spectrum(30, 8), 10);
        assertArrayEquals(new double[]{0, 0, -201, -201, -201}, out, TOL);
    }
}
