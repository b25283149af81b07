package org.sonemo.dsp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DctTest {
    @ParameterizedTest
    @ValueSource(ints = {4, 13, 26, 40})
    void constantInputHasNoHigherCoefficients(int n) {
        Dct d = new Dct(n, 1, 3);
        double[] x = new double[n];
        java.util.Arrays.fill(x, 7.5);
        double[] c = new double[3];
        d.apply(x, c);
        for (double v : c) assertEquals(0, v, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 26})
    void aBasisCosineMapsToItsOwnCoefficient(int n) {
        Dct d = new Dct(n, 0, 4);
        for (int k = 1; k <= 4; k++) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) x[j] = Math.cos(Math.PI * k * (j + 0.5) / n);
            double[] c = new double[5];
            d.apply(x, c);
            for (int i = 0; i <= 4; i++) assertEquals(i == k ? Math.sqrt(n / 2.0) : 0, c[i], 1e-12);
        }
    }
}
