package org.sonemo.learn;

import java.util.ArrayList;
import java.util.List;

/** Named hyper-parameter grids. */
public final class Grids {
    private Grids() {
    }

    static double[] geomspace(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = a * Math.pow(b / a, n == 1 ? 0 : (double) i / (n - 1));
        return out;
    }

    static double[] linspace(double a, double b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = a + (b - a) * (n == 1 ? 0 : (double) i / (n - 1));
        return out;
    }

    /** PCA settings: (variance, whiten) pairs; variance 1 without whitening means no PCA. */
    static List<double[]> pcaSettings(double[] variances) {
        List<double[]> out = new ArrayList<>();
        for (double v : variances) {
            out.add(new double[]{v, 0});
            out.add(new double[]{v, 1});
        }
        return out;
    }

    /**
     * The study's SVR grid: PCA kept variance {0.8, 0.9, 0.95, 1} with and without whitening;
     * rbf, sigmoid and poly (degree 2-5) kernels; C in geomspace(0.1, 10, 5); epsilon in
     * linspace(0, 1, 5); gamma scale or auto; coef0 0 (sigmoid, poly).
     */
    public static List<PipelineOptions> svrStudy() {
        List<PipelineOptions> out = new ArrayList<>();
        for (double[] p : pcaSettings(new double[]{0.8, 0.9, 0.95, 1.0})) {
            for (double c : geomspace(0.1, 10, 5)) for (double e : linspace(0, 1, 5)) {
                for (double g : new double[]{ModelOptions.GAMMA_SCALE, ModelOptions.GAMMA_AUTO}) {
                    out.add(po(p, new ModelOptions.Svr(ModelOptions.Kernel.RBF, c, e, g, 3, 0, 1e-3)));
                    out.add(po(p, new ModelOptions.Svr(ModelOptions.Kernel.SIGMOID, c, e, g, 3, 0, 1e-3)));
                    for (int d = 2; d <= 5; d++) out.add(po(p, new ModelOptions.Svr(ModelOptions.Kernel.POLY, c, e, g, d, 0, 1e-3)));
                }
            }
        }
        return out;
    }

    /**
     * A wider SVR grid: the study's plus C up to 100 and down to 0.01, small epsilons
     * (0.02-0.2, where [-1, 1] labels need them), gamma scale x {1/4, 1/2, 2, 4}, coef0 1.
     */
    public static List<PipelineOptions> svrWide() {
        List<PipelineOptions> out = new ArrayList<>(svrStudy());
        for (double[] p : pcaSettings(new double[]{0.8, 0.9, 0.95, 0.99, 1.0})) {
            for (double c : geomspace(0.01, 100, 9)) for (double e : new double[]{0.02, 0.05, 0.1, 0.2}) {
                for (double g : new double[]{ModelOptions.GAMMA_SCALE, ModelOptions.GAMMA_AUTO}) {
                    out.add(po(p, new ModelOptions.Svr(ModelOptions.Kernel.RBF, c, e, g, 3, 0, 1e-3)));
                    out.add(po(p, new ModelOptions.Svr(ModelOptions.Kernel.POLY, c, e, g, 2, 1, 1e-3)));
                    out.add(po(p, new ModelOptions.Svr(ModelOptions.Kernel.SIGMOID, c, e, g, 3, 1, 1e-3)));
                }
            }
        }
        return out;
    }

    /** A small RBF grid for quick runs: no PCA or 0.95, C {0.3, 1, 3, 10}, epsilon {0.05, 0.1, 0.2}, gamma scale/auto. */
    public static List<PipelineOptions> svrFast() {
        List<PipelineOptions> out = new ArrayList<>();
        for (double v : new double[]{0.95, 1.0}) {
            for (double c : new double[]{0.3, 1, 3, 10}) for (double e : new double[]{0.05, 0.1, 0.2}) {
                for (double g : new double[]{ModelOptions.GAMMA_SCALE, ModelOptions.GAMMA_AUTO}) {
                    out.add(new PipelineOptions(v, false, ModelOptions.Svr.rbf(c, e, g)));
                }
            }
        }
        return out;
    }

    /** The linear baseline: ridge, lasso and elastic net over a log grid of alpha; PCA 0.9/0.95/none. */
    public static List<PipelineOptions> linear() {
        List<PipelineOptions> out = new ArrayList<>();
        for (double v : new double[]{0.9, 0.95, 1.0}) {
            for (double a : geomspace(0.01, 1000, 11)) out.add(new PipelineOptions(v, false, ModelOptions.Linear.ridge(a / 100)));
            for (double a : geomspace(1e-4, 0.3, 8)) {
                out.add(new PipelineOptions(v, false, ModelOptions.Linear.lasso(a)));
                out.add(new PipelineOptions(v, false, ModelOptions.Linear.elasticNet(a, 0.5)));
            }
        }
        return out;
    }

    public static List<PipelineOptions> named(String name) {
        return switch (name) {
            case "study" -> svrStudy();
            case "wide" -> svrWide();
            case "fast" -> svrFast();
            case "linear" -> linear();
            default -> throw new IllegalArgumentException("unknown grid '" + name + "' (study, wide, fast, linear)");
        };
    }

    private static PipelineOptions po(double[] p, ModelOptions m) {
        return new PipelineOptions(p[0], p[1] != 0, m);
    }
}
