package org.sonemo.learn;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class PipelineTest {
    static double[][] data(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) row[j] = r.nextGaussian() * (j + 1) + j;
            if (d > 2) row[2] = 2 * row[0] + 0.01 * r.nextGaussian(); // a correlated column
        }
        return x;
    }

    @Test
    void zScoringFitsOnTrainingRowsOnly() {
        double[][] x = {{1, 10}, {3, 10}, {100, -5}};
        Standardizer s = Standardizer.fit(x, new int[]{0, 1});
        assertArrayEquals(new double[]{2, 10}, s.mean(), 1e-12);
        assertArrayEquals(new double[]{1, 1}, s.scale(), 1e-12, "population sd 1; constant column left unscaled");
        double[][] z = s.apply(x);
        assertArrayEquals(new double[]{-1, 0}, z[0], 1e-12);
        assertArrayEquals(new double[]{98, -15}, z[2], 1e-12, "the test row uses the training statistics");
    }

    @Test
    void pcaKeepsVarianceAndIsOrthonormal() {
        for (int n : new int[]{200, 5}) { // covariance path and Gram path
            double[][] x = data(n, 8, 1);
            Pca full = Pca.fit(x, 1.0, false);
            Pca p = Pca.fit(x, 0.9, false);
            assertTrue(p.kept() <= full.kept());
            double[][] c = p.components();
            for (int i = 0; i < c.length; i++) for (int j = 0; j < c.length; j++) {
                double dot = 0;
                for (int k = 0; k < c[i].length; k++) dot += c[i][k] * c[j][k];
                assertEquals(i == j ? 1 : 0, dot, 1e-6, "components " + i + "," + j + " (n=" + n + ")");
            }
            // projected variances decrease and whitening makes them 1
            double[][] w = Pca.fit(x, 0.9, true).apply(x);
            for (int j = 0; j < w[0].length; j++) {
                final int jj = j;
                double m = IntStream.range(0, n).mapToDouble(i -> w[i][jj]).average().orElseThrow();
                double v = IntStream.range(0, n).mapToDouble(i -> (w[i][jj] - m) * (w[i][jj] - m)).sum() / (n - 1);
                assertEquals(1, v, 1e-6);
            }
        }
    }

    @Test
    void svrKernelsLearnASmoothFunction() {
        Random r = new Random(3);
        int n = 200;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble() * 2 - 1;
            x[i][1] = r.nextDouble() * 2 - 1;
            y[i] = 0.6 * Math.sin(2 * x[i][0]) + 0.3 * x[i][1];
        }
        int[] train = IntStream.range(0, 150).toArray(), test = IntStream.range(150, n).toArray();
        double[] truth = HyperSearch.pick(y, test);
        for (ModelOptions.Kernel k : ModelOptions.Kernel.values()) {
            ModelOptions m = new ModelOptions.Svr(k, 1, 0.02, k == ModelOptions.Kernel.SIGMOID ? 0.05 : ModelOptions.GAMMA_SCALE, 3, k == ModelOptions.Kernel.POLY ? 1 : 0, 1e-3);
            Pipeline p = Pipeline.fit(x, y, train, new PipelineOptions(1, false, m));
            double r2 = Metrics.r2(truth, p.predict(Standardizer.select(x, test)));
            assertTrue(r2 > (k == ModelOptions.Kernel.RBF || k == ModelOptions.Kernel.POLY ? 0.95 : 0.7), k + " r2 " + r2);
        }
    }

    @Test
    void linearModelsRecoverCoefficients() {
        Random r = new Random(5);
        int n = 300;
        double[][] x = new double[n][4];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) x[i][j] = r.nextGaussian();
            y[i] = 0.5 * x[i][0] - 0.25 * x[i][1] + 0.1;
        }
        Regressor.LinearModel ridge = Regressor.LinearModel.fit(x, y, ModelOptions.Linear.ridge(1e-6));
        assertEquals(0.5, ridge.w()[0], 1e-3);
        assertEquals(-0.25, ridge.w()[1], 1e-3);
        assertEquals(0.1, ridge.intercept(), 1e-3);
        Regressor.LinearModel lasso = Regressor.LinearModel.fit(x, y, ModelOptions.Linear.lasso(0.05));
        // Smile's LASSO is an interior-point method: an irrelevant weight ends near 0, not at 0
        assertEquals(0, lasso.w()[2], 1e-4, "lasso zeroes an irrelevant feature");
        assertEquals(0.45, lasso.w()[0], 0.02, "and shrinks by about alpha");
    }

    /**
     * Smile's ridge, LASSO and ElasticNet, with the lambdas LinearModel derives, solve
     * scikit-learn's objective on z-scored rows: its optimality (KKT) conditions hold, i.e.
     * (1/n) x_j . residual - alpha (1 - l1) w_j is alpha l1 sign(w_j) where w_j != 0 and at most
     * alpha l1 in size where w_j = 0, and the residual has mean 0.
     */
    @Test
    void linearModelsSolveScikitLearnsObjective() {
        int n = 250, d = 6;
        double[][] raw = data(n, d, 11);
        double[][] x = Standardizer.fit(raw, IntStream.range(0, n).toArray()).apply(raw);
        Random r = new Random(12);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 0.4 * x[i][0] - 0.2 * x[i][1] + 0.05 * x[i][4] + 0.3 + 0.3 * r.nextGaussian();
        for (ModelOptions.Linear o : List.of(ModelOptions.Linear.ridge(0.3), ModelOptions.Linear.lasso(0.05),
                ModelOptions.Linear.elasticNet(0.08, 0.5))) {
            Regressor.LinearModel m = Regressor.LinearModel.fit(x, y, o);
            double[] res = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) mean += res[i] = y[i] - m.predict(x[i]);
            assertEquals(0, mean / n, 1e-6, o.describe() + " intercept");
            double l1 = o.alpha() * o.l1Ratio(), l2 = o.alpha() * (1 - o.l1Ratio());
            // ridge is solved exactly; Smile's interior-point L1 solvers stop at a duality gap of 1e-4
            double tol = o.l1Ratio() > 0 ? 2e-4 : 2e-5;
            int zeros = 0;
            for (int j = 0; j < d; j++) {
                double g = 0;
                for (int i = 0; i < n; i++) g += x[i][j] * res[i];
                g = g / n - l2 * m.w()[j];
                if (Math.abs(m.w()[j]) > 1e-4) assertEquals(l1 * Math.signum(m.w()[j]), g, tol, o.describe() + " w" + j);
                else {
                    assertTrue(Math.abs(g) <= l1 + tol, o.describe() + " w" + j + " is 0 but |gradient| " + Math.abs(g) + " > " + l1);
                    zeros++;
                }
            }
            if (o.l1Ratio() > 0) assertTrue(zeros > 0, o.describe() + " sets some weights to 0");
        }
    }

    @Test
    void halvingSearchIsReproducibleAndIndependentOfThreads() {
        double[][] x = data(240, 5, 9);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) y[i] = Math.tanh(0.3 * x[i][0] - 0.1 * x[i][3]);
        int[] rows = IntStream.range(0, x.length).toArray();
        List<PipelineOptions> grid = Grids.svrFast();
        var a = HyperSearch.search(x, y, rows, grid, HyperSearch.Options.halving(42).withThreads(1));
        var b = HyperSearch.search(x, y, rows, grid, HyperSearch.Options.halving(42).withThreads(2));
        assertEquals(a.best(), b.best());
        assertEquals(a.score(), b.score());
        assertEquals(a.members(), b.members());
        assertTrue(a.evaluations() < grid.size() * 2, "halving evaluates far fewer than grid x rounds");
        var g = HyperSearch.search(x, y, rows, grid.subList(0, 6), HyperSearch.Options.grid(42));
        assertEquals(6, g.evaluations());
    }
}
