package org.sonemo.dsp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PolynomialRootsTest {
    /** Builds a real polynomial from conjugate pole pairs (like formant resonances) and one real root. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void findsConjugatePairsAndARealRoot(int pairs) {
        Random r = new Random(pairs);
        int deg = 2 * pairs + 1;
        double[] re = new double[deg], im = new double[deg];
        for (int p = 0; p < pairs; p++) {
            double rad = 0.7 + 0.29 * r.nextDouble(), ang = 0.1 + 2.9 * r.nextDouble();
            re[2 * p] = rad * Math.cos(ang);
            im[2 * p] = rad * Math.sin(ang);
            re[2 * p + 1] = re[2 * p];
            im[2 * p + 1] = -im[2 * p];
        }
        re[deg - 1] = -0.5;
        // expand prod (z - root)
        double[] cr = {1}, ci = {0};
        for (int k = 0; k < deg; k++) {
            double[] nr = new double[cr.length + 1], ni = new double[cr.length + 1];
            for (int i = 0; i < cr.length; i++) {
                nr[i] += cr[i];
                ni[i] += ci[i];
                nr[i + 1] -= cr[i] * re[k] - ci[i] * im[k];
                ni[i + 1] -= cr[i] * im[k] + ci[i] * re[k];
            }
            cr = nr;
            ci = ni;
        }
        PolynomialRoots pr = new PolynomialRoots(deg);
        pr.solve(cr);
        for (int k = 0; k < deg; k++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < deg; j++) best = Math.min(best, Math.hypot(pr.re()[j] - re[k], pr.im()[j] - im[k]));
            assertTrue(best < 1e-8, "root " + k + " off by " + best);
        }
    }
}
