package org.sonemo.learn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MetricsTest {
    // y = 1, 2, 3, 4; p = 1.5, 2, 2, 5: residuals -0.5, 0, 1, -1
    final double[] y = {1, 2, 3, 4}, p = {1.5, 2, 2, 5};

    @Test
    void regressionMetricsByHand() {
        // SS_res = 0.25 + 0 + 1 + 1 = 2.25; mean 2.5, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5
        assertEquals(1 - 2.25 / 5, Metrics.r2(y, p), 1e-12);
        assertEquals(Math.sqrt(2.25 / 4), Metrics.rmse(y, p), 1e-12);
        assertEquals(2.5 / 4, Metrics.mae(y, p), 1e-12);
        assertEquals(1, Metrics.r2(y, y), 1e-12);
    }

    @Test
    void signAccuracyAndAuc() {
        double[] t = {1, 1, -1, -1, 1};
        double[] s = {0.9, -0.2, -0.5, 0.3, 0.4};
        assertEquals(3.0 / 5, Metrics.signAccuracy(t, s), 1e-12);
        // positives 0.9, -0.2, 0.4; negatives -0.5, 0.3: pairs won: 0.9>both (2), -0.2>-0.5 (1), 0.4>both (2) = 5 of 6
        assertEquals(5.0 / 6, Metrics.rocAuc(t, s), 1e-12);
        assertEquals(0.5, Metrics.rocAuc(new double[]{1, -1}, new double[]{0.2, 0.2}), 1e-12, "ties count half");
        assertTrue(Double.isNaN(Metrics.rocAuc(new double[]{1, 1}, new double[]{0, 1})));
    }

    @Test
    void foldSummaryUsesStudentT() {
        double[] folds = {0.5, 0.6, 0.7, 0.4, 0.8};
        Metrics.Summary s = Metrics.Summary.of(folds);
        double sd = Math.sqrt((0.01 + 0.04 + 0.04 + 0.01 + 0) / 4); // around 0.6
        assertEquals(0.6, s.mean(), 1e-12);
        assertEquals(2.776 * sd / Math.sqrt(5), s.halfWidth(), 1e-9);
        assertEquals(2.776, Metrics.t975(4));
        assertEquals("0.600 ± 0.196", s.toString());
    }
}
