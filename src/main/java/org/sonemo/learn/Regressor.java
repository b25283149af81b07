package org.sonemo.learn;

import smile.math.kernel.GaussianKernel;
import smile.math.kernel.HyperbolicTangentKernel;
import smile.math.kernel.LinearKernel;
import smile.math.kernel.MercerKernel;
import smile.math.kernel.PolynomialKernel;
import smile.regression.KernelMachine;
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

    /** w . x + b, fitted by cyclic coordinate descent on the ElasticNet objective. */
    record LinearModel(double[] w, double intercept) implements Regressor {

        public static LinearModel fit(double[][] x, double[] y, ModelOptions.Linear o) {
            int n = x.length, d = x[0].length;
            double[] mx = new double[d];
            double my = 0;
            for (int i = 0; i < n; i++) {
                my += y[i];
                for (int j = 0; j < d; j++) mx[j] += x[i][j];
            }
            my /= n;
            for (int j = 0; j < d; j++) mx[j] /= n;
            // column-major centred copy
            double[][] cols = new double[d][n];
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) {
                    double v = x[i][j] - mx[j];
                    cols[j][i] = v;
                    z[j] += v * v;
                }
                z[j] /= n;
            }
            double[] r = new double[n];
            for (int i = 0; i < n; i++) r[i] = y[i] - my;
            double[] w = new double[d];
            double l1 = o.alpha() * o.l1Ratio(), l2 = o.alpha() * (1 - o.l1Ratio());
            for (int iter = 0; iter < 300; iter++) {
                double maxDelta = 0, maxW = 0;
                for (int j = 0; j < d; j++) {
                    if (z[j] == 0) continue;
                    double[] c = cols[j];
                    double rho = 0;
                    for (int i = 0; i < n; i++) rho += c[i] * r[i];
                    rho = rho / n + z[j] * w[j];
                    double nw = Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / (z[j] + l2);
                    double delta = nw - w[j];
                    if (delta != 0) {
                        for (int i = 0; i < n; i++) r[i] -= delta * c[i];
                        w[j] = nw;
                    }
                    maxDelta = Math.max(maxDelta, Math.abs(delta));
                    maxW = Math.max(maxW, Math.abs(nw));
                }
                if (maxDelta <= 1e-4 * Math.max(maxW, 1e-12) || maxDelta < 1e-10) break;
            }
            double b = my;
            for (int j = 0; j < d; j++) b -= w[j] * mx[j];
            return new LinearModel(w, b);
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
