package org.sonemo.learn;

import java.util.Arrays;

/** Regression and sign metrics, and fold summaries with Student-t confidence half-widths. */
public final class Metrics {
    private Metrics() {
    }

    /** Coefficient of determination, 1 - SS_res / SS_tot (scikit-learn's r2_score). */
    public static double r2(double[] y, double[] p) {
        double m = mean(y), res = 0, tot = 0;
        for (int i = 0; i < y.length; i++) {
            res += (y[i] - p[i]) * (y[i] - p[i]);
            tot += (y[i] - m) * (y[i] - m);
        }
        return tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot;
    }

    public static double rmse(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (y[i] - p[i]) * (y[i] - p[i]);
        return Math.sqrt(s / y.length);
    }

    public static double mae(double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += Math.abs(y[i] - p[i]);
        return s / y.length;
    }

    /** Fraction of predictions on the same side of 0 as the truth (0 counts as positive). */
    public static double signAccuracy(double[] y, double[] p) {
        int ok = 0;
        for (int i = 0; i < y.length; i++) if ((y[i] >= 0) == (p[i] >= 0)) ok++;
        return (double) ok / y.length;
    }

    /**
     * Area under the ROC curve of the predicted value as a score for the positive truth
     * (Mann-Whitney, ties counted half); NaN when one class is absent.
     */
    public static double rocAuc(double[] y, double[] p) {
        int n = y.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && p[idx[j + 1]] == p[idx[i]]) j++;
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) rank[idx[k]] = r;
            i = j + 1;
        }
        long pos = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) if (y[i] > 0) {
            pos++;
            sum += rank[i];
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        return (sum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Sample standard deviation (n - 1). */
    public static double sd(double[] v) {
        if (v.length < 2) return 0;
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / (v.length - 1));
    }

    private static final double[] T975 = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
            2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074,
            2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    /** The 0.975 quantile of Student's t with df degrees of freedom. */
    public static double t975(int df) {
        if (df < 1) return Double.NaN;
        return df < T975.length ? T975[df] : 1.96 + 2.4 / df;
    }

    /** Mean over folds and the 95% t confidence half-width t(0.975, n-1) * sd / sqrt(n). */
    public record Summary(double mean, double halfWidth, int n) {
        public static Summary of(double[] folds) {
            double[] v = Arrays.stream(folds).filter(Double::isFinite).toArray();
            if (v.length == 0) return new Summary(Double.NaN, Double.NaN, 0);
            double hw = v.length < 2 ? Double.NaN : t975(v.length - 1) * sd(v) / Math.sqrt(v.length);
            return new Summary(Metrics.mean(v), hw, v.length);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.3f ± %.3f", mean, halfWidth);
        }
    }
}
