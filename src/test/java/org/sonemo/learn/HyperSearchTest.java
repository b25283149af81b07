package org.sonemo.learn;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class HyperSearchTest {

    /** 1 - R² per domain, averaged over domains: each domain counts equally whatever its size or spread. */
    @Test
    void scoreAveragesOneMinusR2OverDomains() {
        double[] y = {0.1, -0.1, 0.3, -0.3, 1, -1, 1, -1, 1, -1};
        int[] domain = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        int[] rows = IntStream.range(0, y.length).toArray();
        double[] p = y.clone();
        p[0] = 0.3; // one error of 0.2 in domain 0 (variance 0.05): 1 - R² = 0.04 / 4 / 0.05 = 0.2
        p[4] = 0.4; // one error of 0.6 in domain 1 (variance 1): 1 - R² = 0.36 / 6 = 0.06
        var s = new HyperSearch.Scorer(y, rows, domain);
        assertEquals((0.2 + 0.06) / 2, s.score(p), 1e-12);
        var pooled = new HyperSearch.Scorer(y, rows, null);
        double var = 0, mean = 0;
        for (double v : y) mean += v / y.length;
        for (double v : y) var += (v - mean) * (v - mean) / y.length;
        assertEquals((0.04 + 0.36) / 10 / var, pooled.score(p), 1e-12, "one domain: MSE / variance");
        p[1] = Double.NaN;
        assertTrue(Double.isNaN(s.score(p)));
    }

    @Test
    void ensembleSelectionIsReproducibleAndBeatsTheBestCandidateOutOfFold() {
        double[][] x = PipelineTest.data(200, 5, 3);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) y[i] = Math.tanh(0.3 * x[i][0] - 0.2 * x[i][1] * x[i][2] + 0.1 * Math.sin(i));
        int[] rows = IntStream.range(0, x.length).toArray();
        List<PipelineOptions> grid = Grids.svrFast();
        var one = HyperSearch.search(x, y, rows, grid, HyperSearch.Options.grid(7).withEnsemble(1));
        assertEquals(List.of(new HyperSearch.Member(one.best(), 1)), one.members(), "ensemble 1 is the single best");
        assertEquals(one.bestScore(), one.score());
        var a = HyperSearch.search(x, y, rows, grid, HyperSearch.Options.grid(7).withThreads(1));
        var b = HyperSearch.search(x, y, rows, grid, HyperSearch.Options.grid(7).withThreads(2));
        assertEquals(a, b, "same seed, same ensemble, whatever the threads");
        assertEquals(one.best(), a.best());
        assertTrue(a.members().size() > 1, "several candidates averaged: " + a.describe());
        assertTrue(a.score() < a.bestScore(), "the ensemble scores better out of fold than the best single candidate");
        assertEquals(1, a.members().stream().mapToDouble(HyperSearch.Member::weight).sum(), 1e-12);
        assertEquals(a.members().size(), new HashSet<>(a.members().stream().map(HyperSearch.Member::options).toList()).size());
        for (int i = 1; i < a.members().size(); i++) assertTrue(a.members().get(i - 1).weight() >= a.members().get(i).weight());
        Ensemble e = Ensemble.fit(x, y, rows, a);
        double[] p = e.predict(x);
        double[] manual = new double[x.length];
        for (var m : a.members()) {
            double[] q = Pipeline.fit(x, y, rows, m.options()).predict(x);
            for (int i = 0; i < q.length; i++) manual[i] += m.weight() * q[i];
        }
        assertArrayEquals(manual, p, 1e-12, "the ensemble predicts the weighted mean of its members");
    }
}
