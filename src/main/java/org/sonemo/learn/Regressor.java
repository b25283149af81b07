package org.sonemo.learn;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.math.kernel.GaussianKernel;
import smile.math.kernel.HyperbolicTangentKernel;
import smile.math.kernel.LinearKernel;
import smile.math.kernel.MercerKernel;
import smile.math.kernel.PolynomialKernel;
import smile.regression.ElasticNet;
import smile.regression.KernelMachine;
import smile.regression.LASSO;
import smile.regression.RidgeRegression;
import smile.regression.SVM;

/** A fitted regressor on preprocessed rows; its state is plain arrays, so it saves safely. */
public sealed interface Regressor permits Regressor.SvrModel, Regressor.LinearModel {

    double predict(double[] x);

    default double[] predict(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = predict(x[i]);
        return out;
    }

    /** Fits the regressor the options describe. */
    static Regressor fit(double[][] x, double[] y, ModelOptions options) {
        return switch (options) {
            case ModelOptions.Svr s -> SvrModel.fit(x, y, s);
            case ModelOptions.Linear l -> LinearModel.fit(x, y, l);
        };
    }

    /**
     * Epsilon-SVR trained by Smile.
     *
     * @param gamma   the resolved kernel gamma (scale/auto already computed)
     * @param vectors support vectors
     * @param weights their dual coefficients
     */
    record SvrModel(ModelOptions.Kernel kernel, double gamma, int degree, double coef0,
                    double[][] vectors, double[] weights, double intercept) implements Regressor {

        public static SvrModel fit(double[][] x, double[] y, ModelOptions.Svr o) {
            int d = x[0].length;
            double gamma = o.gamma();
            if (gamma == ModelOptions.GAMMA_AUTO) gamma = 1.0 / d;
            else if (gamma == ModelOptions.GAMMA_SCALE) {
                double var = variance(x);
                gamma = var > 0 ? 1.0 / (d * var) : 1.0;
            }
            MercerKernel<double[]> k = kernel(o.kernel(), gamma, o.degree(), o.coef0());
            // Smile's solver needs a positive tube; scikit-learn accepts 0, which is almost this
            double eps = Math.max(o.epsilon(), 1e-6);
            KernelMachine<double[]> km = SVM.fit(x, y, k, new SVM.Options(eps, o.C(), o.tol()));
            return new SvrModel(o.kernel(), gamma, o.degree(), o.coef0(), km.vectors(), km.weights(), km.intercept());
        }

        static MercerKernel<double[]> kernel(ModelOptions.Kernel kind, double gamma, int degree, double coef0) {
            return switch (kind) {
                case RBF -> new GaussianKernel(Math.sqrt(1 / (2 * gamma)));
                case POLY -> new PolynomialKernel(degree, gamma, coef0);
                case SIGMOID -> new HyperbolicTangentKernel(gamma, coef0);
                case LINEAR -> new LinearKernel();
            };
        }

        @Override
        public double predict(double[] x) {
            double s = intercept;
            switch (kernel) {
                case RBF -> {
                    for (int i = 0; i < vectors.length; i++) {
                        double[] v = vectors[i];
                        double d2 = 0;
                        for (int j = 0; j < v.length; j++) {
                            double t = v[j] - x[j];
                            d2 += t * t;
                        }
                        s += weights[i] * Math.exp(-gamma * d2);
                    }
                }
                default -> {
                    for (int i = 0; i < vectors.length; i++) {
                        double dot = 0;
                        double[] v = vectors[i];
                        for (int j = 0; j < v.length; j++) dot += v[j] * x[j];
                        double kv = switch (kernel) {
                            case POLY -> Math.pow(gamma * dot + coef0, degree);
                            case SIGMOID -> Math.tanh(gamma * dot + coef0);
                            default -> dot;
                        };
                        s += weights[i] * kv;
                    }
                }
            }
            return s;
        }
    }

    /**
     * w . x + b, fitted by Smile: {@code RidgeRegression}, {@code LASSO} (interior point) or
     * {@code ElasticNet}. The options use scikit-learn's objective; Smile's is
     * |y - Xw|^2 + lambda1 |w|_1 + lambda2 |w|^2 on columns it standardises by their sample
     * standard deviation, so on z-scored input (population sd 1: what the pipeline gives without
     * PCA) the two are the same problem with lambda1 = 2 alpha l1Ratio sqrt(n (n - 1)) and
     * lambda2 = alpha (1 - l1Ratio) (n - 1). After PCA the penalty acts on standardised components.
     * Constant columns are left out of the fit (weight 0): Smile cannot standardise them.
     */
    record LinearModel(double[] w, double intercept) implements Regressor {

        public static LinearModel fit(double[][] x, double[] y, ModelOptions.Linear o) {
            SmileNatives.ensure();
            int n = x.length, d = x[0].length;
            int[] used = java.util.stream.IntStream.range(0, d).filter(j -> varies(x, j)).toArray();
            double[] w = new double[d];
            if (used.length == 0) return new LinearModel(w, Metrics.mean(y));
            double[][] data = new double[n][used.length + 1];
            String[] names = new String[used.length + 1];
            for (int c = 0; c < used.length; c++) names[c] = "x" + used[c];
            names[used.length] = "y";
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < used.length; c++) data[i][c] = x[i][used[c]];
                data[i][used.length] = y[i];
            }
            DataFrame df = DataFrame.of(data, names);
            Formula f = Formula.lhs("y");
            double l1 = 2 * o.alpha() * o.l1Ratio() * Math.sqrt(n * (n - 1.0)), l2 = o.alpha() * (1 - o.l1Ratio()) * (n - 1);
            smile.regression.LinearModel m;
            if (l1 == 0) m = RidgeRegression.fit(f, df, l2);
            else if (l2 == 0) m = LASSO.fit(f, df, new LASSO.Options(l1, 1e-4, 1000));
            else m = ElasticNet.fit(f, df, new ElasticNet.Options(l1, l2, 1e-4, 1000));
            var coef = m.coefficients();
            // the formula's columns come back in order, without the intercept
            for (int c = 0; c < used.length; c++) w[used[c]] = coef.get(c);
            return new LinearModel(w, m.intercept());
        }

        private static boolean varies(double[][] x, int j) {
            double first = x[0][j];
            for (double[] row : x) if (Math.abs(row[j] - first) > 1e-12 * Math.max(1, Math.abs(first))) return true;
            return false;
        }

        @Override
        public double predict(double[] x) {
            double s = intercept;
            for (int j = 0; j < w.length; j++) s += w[j] * x[j];
            return s;
        }
    }

    private static double variance(double[][] x) {
        double sum = 0, sq = 0;
        long n = 0;
        for (double[] r : x) for (double v : r) {
            sum += v;
            sq += v * v;
            n++;
        }
        double m = sum / n;
        return sq / n - m * m;
    }
}
