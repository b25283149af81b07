package org.sonemo.learn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Principal components kept up to a fraction of the variance, optionally whitened (unit
 * variance per component, like scikit-learn's {@code PCA(whiten=True)}). Fitted by Smile's PCA
 * (its LAPACK is ND4J's OpenBLAS, see {@link SmileNatives}); projection runs in ND4J, all rows
 * at once.
 *
 * @param center     column means of the fitted rows
 * @param components k rows of d loadings, by decreasing variance
 * @param divisor    per-component divisor: sqrt of its variance when whitened, else 1
 */
public record Pca(double[] center, double[][] components, double[] divisor) {

    public int kept() {
        return components.length;
    }

    /**
     * Fits on the rows of x (already z-scored). The decomposition is Smile's
     * {@code smile.feature.extraction.PCA} (LAPACK; on our sizes, hundreds of rows by 88 columns,
     * an SVD through dgesdd, seen in profiles); the number kept is the fewest components whose
     * variance reaches {@code keptVariance} of the total (all non-null ones at 1).
     */
    public static Pca fit(double[][] x, double keptVariance, boolean whiten) {
        SmileNatives.ensure();
        int d = x[0].length;
        smile.feature.extraction.PCA p = smile.feature.extraction.PCA.fit(x);
        var variance = p.variance();
        var loadings = p.loadings(); // d x r, a component per column
        int r = variance.size();
        Integer[] order = new Integer[r]; // by decreasing variance, whatever order Smile returns
        for (int i = 0; i < r; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(variance.get(b), variance.get(a)));
        double total = 0;
        for (int i = 0; i < r; i++) total += Math.max(variance.get(i), 0);
        int k = 0;
        double cum = 0;
        for (int i = 0; i < r; i++) {
            double v = variance.get(order[i]);
            if (v <= total * 1e-12) break;
            cum += v;
            k++;
            if (keptVariance < 1 && cum >= keptVariance * total - 1e-12) break;
        }
        k = Math.max(k, 1);
        double[] center = new double[d];
        for (int j = 0; j < d; j++) center[j] = p.center().get(j);
        double[][] comps = new double[k][d];
        double[] div = new double[k];
        for (int i = 0; i < k; i++) {
            int c = order[i];
            for (int j = 0; j < d; j++) comps[i][j] = loadings.get(j, c);
            // Smile's variance scale differs between its code paths (n = 200: n times the
            // variance; n = 5: the population variance), so whitening uses the sample variance
            // (divisor n - 1, as scikit-learn) of the training rows' projection. Computed here, not
            // by apply(): a different summation order moves near-ties of the search (measured:
            // 13 of 72 cells of the full experiment changed, by up to 0.009)
            div[i] = whiten ? Math.sqrt(Math.max(sampleVariance(x, center, comps[i]), 1e-12)) : 1;
        }
        return new Pca(center, comps, div);
    }

    private static double sampleVariance(double[][] x, double[] center, double[] component) {
        int n = x.length;
        if (n < 2) return 0;
        double[] t = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < center.length; j++) s += (x[i][j] - center[j]) * component[j];
            t[i] = s;
            mean += s;
        }
        mean /= n;
        double ss = 0;
        for (double v : t) ss += (v - mean) * (v - mean);
        return ss / (n - 1);
    }

    /** Projects all rows at once. */
    public double[][] apply(double[][] x) {
        if (x.length == 0) return new double[0][];
        Nd4jSetup.ensure();
        INDArray m = Nd4j.create(x);
        INDArray mu = Nd4j.create(center).reshape(1, center.length);
        INDArray w = Nd4j.create(components).transpose(); // d x k
        INDArray p = m.subiRowVector(mu).mmul(w);
        p.diviRowVector(Nd4j.create(divisor).reshape(1, divisor.length));
        return p.toDoubleMatrix();
    }
}
