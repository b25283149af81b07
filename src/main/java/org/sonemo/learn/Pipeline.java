package org.sonemo.learn;

/**
 * A fitted pipeline: z-scoring, optional PCA, regressor.
 *
 * @param pca null when the options use no PCA
 */
public record Pipeline(PipelineOptions options, Standardizer scaler, Pca pca, Regressor model) {

    /** Fits on the given rows of x. */
    public static Pipeline fit(double[][] x, double[] y, int[] rows, PipelineOptions o) {
        Prep p = Prep.fit(x, rows, o.pcaVariance(), o.whiten());
        double[][] tx = Standardizer.select(p.apply(x), rows);
        double[] ty = new double[rows.length];
        for (int i = 0; i < rows.length; i++) ty[i] = y[rows[i]];
        return new Pipeline(o, p.scaler(), p.pca(), Regressor.fit(tx, ty, o.model()));
    }

    /**
     * Predictions for all rows, clipped to the label range [-1, 1]: every label is mapped there,
     * so a value outside is an extrapolation error (a polynomial kernel far from its data).
     */
    public double[] predict(double[][] x) {
        double[] p = model.predict(new Prep(scaler, pca).apply(x));
        for (int i = 0; i < p.length; i++) p[i] = clip(p[i]);
        return p;
    }

    /** A prediction clipped to the label range [-1, 1] (NaN stays NaN). */
    static double clip(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    /** The preprocessing part: z-scoring then optional PCA. */
    public record Prep(Standardizer scaler, Pca pca) {
        public static Prep fit(double[][] x, int[] rows, double pcaVariance, boolean whiten) {
            Standardizer s = Standardizer.fit(x, rows);
            Pca p = null;
            if (pcaVariance < 1 || whiten) {
                double[][] z = s.apply(Standardizer.select(x, rows));
                p = Pca.fit(z, pcaVariance, whiten);
            }
            return new Prep(s, p);
        }

        public double[][] apply(double[][] x) {
            double[][] z = scaler.apply(x);
            return pca == null ? z : pca.apply(z);
        }
    }
}
