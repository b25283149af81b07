package org.sonemo.dsp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WindowsTest {
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 16, 320, 321, 960, 2880})
    void hammingHasItsClosedFormEndsCentreAndSymmetry(int n) {
        double[] w = Windows.hamming(n);
        assertEquals(0.08, w[0], 1e-12);
        assertEquals(0.08, w[n - 1], 1e-12);
        for (int i = 0; i < n; i++) assertEquals(w[i], w[n - 1 - i], 1e-12);
        if (n % 2 == 1) assertEquals(1.0, w[n / 2], 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 17, 960, 2880})
    void gaussianPeaksAtTheCentreAndExpMinusHalfOverSigmaSquaredAtTheEnds(int n) {
        double sigma = 0.4;
        double[] w = Windows.gaussian(n, sigma);
        double half = (n - 1) / 2.0, t = (n / 2 - half) / (sigma * half);
        assertEquals(Math.exp(-0.5 * t * t), w[n / 2], 1e-12); // 1 for odd n
        assertEquals(Math.exp(-0.5 / (sigma * sigma)), w[0], 1e-12);
        for (int i = 0; i < n; i++) assertEquals(w[i], w[n - 1 - i], 1e-12);
    }
}
