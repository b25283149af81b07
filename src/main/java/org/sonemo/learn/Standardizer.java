package org.sonemo.learn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Z-scoring with ND4J: mean and population standard deviation per column, fitted on training
 * rows only and applied to a whole matrix in one broadcast operation. Constant columns are
 * centred and left unscaled (like scikit-learn's StandardScaler).
 *
 * @param mean  per-column mean of the training rows
 * @param scale per-column standard deviation (1 where it is 0)
 */
public record Standardizer(double[] mean, double[] scale) {

    public static Standardizer fit(double[][] x, int[] rows) {
        Nd4jSetup.ensure();
        INDArray m = Nd4j.create(select(x, rows));
        INDArray mu = m.mean(0);
        INDArray sd = m.std(false, 0);
        double[] mean = mu.toDoubleVector();
        double[] scale = sd.toDoubleVector();
        for (int j = 0; j < scale.length; j++) if (!(scale[j] > 1e-12) || !Double.isFinite(scale[j])) scale[j] = 1;
        return new Standardizer(mean, scale);
    }

    /** The z-scores of all rows of a matrix, computed in one ND4J operation. */
    public double[][] apply(double[][] x) {
        if (x.length == 0) return new double[0][];
        Nd4jSetup.ensure();
        return Nd4j.create(x).subiRowVector(row(mean)).diviRowVector(row(scale)).toDoubleMatrix();
    }

    /** The inverse of {@link #apply}: z-scores back to this scaler's units (z * scale + mean). */
    public double[][] unapply(double[][] z) {
        if (z.length == 0) return new double[0][];
        Nd4jSetup.ensure();
        return Nd4j.create(z).muliRowVector(row(scale)).addiRowVector(row(mean)).toDoubleMatrix();
    }

    private static INDArray row(double[] v) {
        return Nd4j.create(v, new long[]{1, v.length}, DataType.DOUBLE);
    }

    public static double[][] select(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = x[rows[i]];
        return out;
    }
}
