package org.sonemo.learn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Principal components kept up to a fraction of the variance, optionally whitened (unit
 * variance per component, like scikit-learn's {@code PCA(whiten=True)}). The eigen-decomposition
 * runs in ND4J's LAPACK on the covariance (d x d) or, when there are fewer rows than columns,
 * on the Gram matrix (n x n).
 *
 * @param center     column means of the fitted rows
 * @param components k rows of d loadings, by decreasing variance
 * @param divisor    per-component divisor: sqrt of its variance when whitened, else 1
 */
public record Pca(double[] center, double[][] components, double[] divisor) {

    public int kept() {
        return components.length;
    }

    public static Pca fit(double[][] x, double keptVariance, boolean whiten) {
        Nd4jSetup.ensure();
        int n = x.length, d = x[0].length;
        INDArray m = Nd4j.create(x);
        INDArray mu = m.mean(0).reshape(1, d);
        INDArray c = m.subRowVector(mu);
        double[] values;
        INDArray vectors; // d x r, columns are components (ascending order)
        if (d <= n) {
            INDArray cov = c.transpose().mmul(c).divi(Math.max(1, n - 1));
            INDArray ev = Eigen.symmetricGeneralizedEigenvalues(cov, true);
            values = ev.toDoubleVector();
            vectors = cov;
        } else {
            INDArray gram = c.mmul(c.transpose()).divi(Math.max(1, n - 1));
            INDArray ev = Eigen.symmetricGeneralizedEigenvalues(gram, true);
            values = ev.toDoubleVector();
            // v = C^T u / sqrt((n-1) lambda)
            INDArray v = c.transpose().mmul(gram);
            for (int i = 0; i < values.length; i++) {
                double s = Math.sqrt(Math.max(values[i], 0) * Math.max(1, n - 1));
                if (s > 0) v.getColumn(i).divi(s);
            }
            vectors = v;
        }
        int r = values.length;
        double total = 0;
        for (double v : values) total += Math.max(v, 0);
        int k = 0;
        double cum = 0;
        for (int i = r - 1; i >= 0; i--) {
            if (values[i] <= total * 1e-12) break;
            cum += values[i];
            k++;
            if (keptVariance < 1 && cum >= keptVariance * total - 1e-12) break;
        }
        k = Math.max(k, 1);
        double[][] comps = new double[k][];
        double[] div = new double[k];
        for (int i = 0; i < k; i++) {
            int col = r - 1 - i;
            comps[i] = vectors.getColumn(col).toDoubleVector();
            div[i] = whiten ? Math.sqrt(Math.max(values[col], 1e-12)) : 1;
        }
        return new Pca(mu.toDoubleVector(), comps, div);
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
