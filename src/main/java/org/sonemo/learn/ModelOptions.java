package org.sonemo.learn;

/** Options of a regressor, in Smile's {@code fit(data, Options)} style: plain records. */
public sealed interface ModelOptions permits ModelOptions.Svr, ModelOptions.Linear {

    /** Short, stable text used in reports, CSVs and model files. */
    String describe();

    enum Kernel { RBF, POLY, SIGMOID, LINEAR }

    enum Penalty { RIDGE, LASSO, ELASTICNET }

    /** {@code gamma} value meaning scikit-learn's {@code 'scale'}: 1 / (features * variance of X). */
    double GAMMA_SCALE = -1;
    /** {@code gamma} value meaning scikit-learn's {@code 'auto'}: 1 / features. */
    double GAMMA_AUTO = -2;

    /**
     * Epsilon-SVR (Smile's {@code smile.regression.SVM}); kernels as in scikit-learn:
     * rbf exp(-gamma |x-y|^2), poly (gamma x.y + coef0)^degree, sigmoid tanh(gamma x.y + coef0).
     *
     * @param gamma a positive value, {@link #GAMMA_SCALE} or {@link #GAMMA_AUTO}
     * @param tol   the solver's tolerance
     */
    record Svr(Kernel kernel, double C, double epsilon, double gamma, int degree, double coef0, double tol)
            implements ModelOptions {
        public Svr {
            if (!(C > 0)) throw new IllegalArgumentException("C must be positive: " + C);
            if (!(epsilon >= 0)) throw new IllegalArgumentException("epsilon must be >= 0: " + epsilon);
            if (kernel == Kernel.POLY && degree < 1) throw new IllegalArgumentException("degree must be >= 1");
        }

        public static Svr rbf(double C, double epsilon, double gamma) {
            return new Svr(Kernel.RBF, C, epsilon, gamma, 3, 0, 1e-3);
        }

        @Override
        public String describe() {
            String g = gamma == GAMMA_SCALE ? "scale" : gamma == GAMMA_AUTO ? "auto" : fmt(gamma);
            String s = "svr(" + kernel.name().toLowerCase() + ",C=" + fmt(C) + ",eps=" + fmt(epsilon);
            if (kernel != Kernel.LINEAR) s += ",gamma=" + g;
            if (kernel == Kernel.POLY) s += ",degree=" + degree;
            if (kernel == Kernel.POLY || kernel == Kernel.SIGMOID) s += ",coef0=" + fmt(coef0);
            return s + ")";
        }
    }

    /**
     * Penalised least squares with scikit-learn's ElasticNet objective
     * 1/(2n) |y - Xw|^2 + alpha l1Ratio |w|_1 + alpha (1 - l1Ratio) / 2 |w|^2; ridge is
     * l1Ratio 0, lasso l1Ratio 1.
     */
    record Linear(Penalty penalty, double alpha, double l1Ratio) implements ModelOptions {
        public Linear {
            if (!(alpha >= 0)) throw new IllegalArgumentException("alpha must be >= 0: " + alpha);
            if (!(l1Ratio >= 0 && l1Ratio <= 1)) throw new IllegalArgumentException("l1Ratio must be in [0, 1]: " + l1Ratio);
        }

        public static Linear ridge(double alpha) {
            return new Linear(Penalty.RIDGE, alpha, 0);
        }

        public static Linear lasso(double alpha) {
            return new Linear(Penalty.LASSO, alpha, 1);
        }

        public static Linear elasticNet(double alpha, double l1Ratio) {
            return new Linear(Penalty.ELASTICNET, alpha, l1Ratio);
        }

        @Override
        public String describe() {
            return penalty.name().toLowerCase() + "(alpha=" + fmt(alpha) + (penalty == Penalty.ELASTICNET ? ",l1=" + fmt(l1Ratio) : "") + ")";
        }
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }
}
