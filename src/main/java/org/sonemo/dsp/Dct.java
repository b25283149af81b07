package org.sonemo.dsp;

/**
 * DCT-II of n inputs scaled by sqrt(2/n): c_i = sqrt(2/n) sum_j x_j cos(pi i (j + 0.5) / n),
 * for a chosen range of output indices, with a precomputed cosine table.
 */
public final class Dct {
    private final int n;
    private final int firstOut;
    private final double[][] table;

    public Dct(int n, int firstOut, int lastOut) {
        this.n = n;
        this.firstOut = firstOut;
        int m = lastOut - firstOut + 1;
        table = new double[m][n];
        double s = Math.sqrt(2.0 / n);
        for (int i = 0; i < m; i++) {
            int c = firstOut + i;
            for (int j = 0; j < n; j++) table[i][j] = s * Math.cos(Math.PI * c * (j + 0.5) / n);
        }
    }

    public int firstOut() {
        return firstOut;
    }

    public int outputs() {
        return table.length;
    }

    /** out[i] = coefficient firstOut + i. */
    public void apply(double[] x, double[] out) {
        for (int i = 0; i < table.length; i++) {
            double[] t = table[i];
            double s = 0;
            for (int j = 0; j < n; j++) s += t[j] * x[j];
            out[i] = s;
        }
    }
}
