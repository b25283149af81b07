package org.sonemo.egemaps;

/**
 * Viterbi smoothing of pitch candidates over a whole input, with the eGeMAPS weights
 * (voiced-voiced 10 per octave of jump, 5 per octave of change of the jump, voiced-unvoiced 10,
 * unvoiced-unvoiced 0, local 2 per unit of missing voicing, threshold 4 per unit of voicing on
 * the wrong side of the 0.7 cut-off). The cost model is ours, built from the parameter names
 * and Hermes' description; only the weights come from the configuration.
 */
final class PitchViterbi {
    static final double W_VV = 10, W_VVD = 5, W_VUV = 10, W_THR = 4, W_UU = 0, W_LOCAL = 2, CUTOFF = 0.7;

    private PitchViterbi() {
    }

    /**
     * @param f0   [frames][6] candidate frequencies (0 = no candidate)
     * @param voic [frames][6] candidate voicings
     * @param out  F0 per frame, 0 when unvoiced
     */
    static void smooth(double[][] f0, double[][] voic, int n, double[] out) {
        if (n == 0) return;
        int k = PitchShs.MAX_CANDIDATES + 1; // state k-1 = unvoiced
        double[][] cost = new double[n][k];
        int[][] back = new int[n][k];
        for (int t = 0; t < n; t++) {
            double vbest = 0;
            for (int c = 0; c < k - 1; c++) if (f0[t][c] > 0) vbest = Math.max(vbest, voic[t][c]);
            for (int s = 0; s < k; s++) {
                double local;
                boolean unv = s == k - 1;
                if (unv) {
                    local = W_LOCAL * vbest + W_THR * Math.max(0, vbest - CUTOFF);
                } else if (f0[t][s] <= 0) {
                    cost[t][s] = Double.POSITIVE_INFINITY;
                    continue;
                } else {
                    double v = voic[t][s];
                    local = W_LOCAL * (1 - v) + W_THR * Math.max(0, CUTOFF - v);
                }
                if (t == 0) {
                    cost[t][s] = local;
                    back[t][s] = -1;
                    continue;
                }
                double best = Double.POSITIVE_INFINITY;
                int arg = k - 1;
                for (int p = 0; p < k; p++) {
                    double c0 = cost[t - 1][p];
                    if (c0 == Double.POSITIVE_INFINITY) continue;
                    boolean pu = p == k - 1;
                    double tr;
                    if (unv && pu) tr = W_UU;
                    else if (unv || pu) tr = W_VUV;
                    else {
                        double d = Math.abs(PitchShs.log2(f0[t][s] / f0[t - 1][p]));
                        tr = W_VV * d;
                        int pp = back[t - 1][p];
                        if (pp >= 0 && pp != k - 1 && t >= 2) {
                            double d0 = PitchShs.log2(f0[t - 1][p] / f0[t - 2][pp]);
                            double d1 = PitchShs.log2(f0[t][s] / f0[t - 1][p]);
                            tr += W_VVD * Math.abs(d1 - d0);
                        }
                    }
                    double c1 = c0 + tr;
                    if (c1 < best) {
                        best = c1;
                        arg = p;
                    }
                }
                cost[t][s] = best + local;
                back[t][s] = arg;
            }
        }
        int s = k - 1;
        double best = Double.POSITIVE_INFINITY;
        for (int q = 0; q < k; q++) {
            if (cost[n - 1][q] < best) {
                best = cost[n - 1][q];
                s = q;
            }
        }
        for (int t = n - 1; t >= 0; t--) {
            out[t] = s == k - 1 ? 0 : f0[t][s];
            int p = back[t][s];
            s = p < 0 ? k - 1 : p;
        }
    }
}
