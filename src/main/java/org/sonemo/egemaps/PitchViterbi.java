package org.sonemo.egemaps;

/**
 * Viterbi smoothing of the SHS pitch candidates, reproducing openSMILE's {@code cPitchSmootherViterbi}
 * with the eGeMAPS v01b options (wLocal 2, wTvv 10, wTvvd 5, wTvuv 10, wThr 4, wTuu 0, wRange 1,
 * voicing cut-off 0.7 from the SHS level). States per frame: the 6 candidate slots and an unvoiced
 * state. The costs below were observed, not taken from openSMILE's source: crafted candidate frames
 * went through openSMILE's smoother alone ({@code ViterbiProbeTest}, test resource
 * {@code opensmile/viterbi-probe.conf}), and the input value at which its decision flips was found by
 * bisection for one term at a time; then the whole was checked against openSMILE's decisions on its
 * own candidates of TAVA clips. What was observed:
 * <ul>
 * <li>a voiced state costs wLocal (-ln v), v its candidate's voicing (the ratio of the two voicings
 * at which openSMILE switches between two candidates is the same whatever their level);</li>
 * <li>plus wRange times a frequency penalty: 0 from 100 to 350 Hz, (100 - f) / 100 below,
 * (f - 350) / 250 above, at most {@link #RANGE_CAP};</li>
 * <li>a voiced state whose voicing is below the cut-off costs wLocal wThr more; the unvoiced state
 * costs {@link #UNVOICED} plus wLocal wThr when the first candidate's voicing reaches the cut-off;</li>
 * <li>voiced to voiced, from slot i of the previous frame to slot j, costs
 * wTvv (|ln(f_j / f_i)| + |ln(f_j / f'_i)|), where f'_i is the previous frame's candidate in slot
 * i - 1 (slot 0: its own): staying on slot k of steady frames costs wTvv |ln(f_k / f_(k-1))| per
 * frame, a slot-0 glide of ratio r per frame costs 2 wTvv |ln r|;</li>
 * <li>voiced-unvoiced switches cost wTvuv; unvoiced-unvoiced costs wTuu (0). wTvvd had no effect on
 * any probe, nor had wTuu;</li>
 * <li>the smoother decodes online over a 40-frame buffer, but deciding the whole input at once gave
 * the same decisions on the clips tried, so this decodes the whole input.</li>
 * </ul>
 * On openSMILE's own candidates of 31 TAVA clips this gives openSMILE's F0 on 97.0 % of frames at
 * 48 kHz (voicing 99.6 %) and 99.3 % at 16 kHz (voicing 99.8 %); the cost function fitted before
 * gave 94.3 % and 98.8 %. openSMILE's voicingFinalUnclipped (not used here) is the chosen
 * candidate's voicing, or the first candidate's when unvoiced.
 */
final class PitchViterbi {
    /** openSMILE's option values in eGeMAPS v01b ({@code gemapsv01b_pitchSmoothViterbi}) and the SHS cut-off. */
    static final double W_LOCAL = 2, W_TVV = 10, W_TVUV = 10, W_THR = 4, W_TUU = 0, W_RANGE = 1, CUTOFF = 0.7;
    /** Observed constant cost of the unvoiced state, and the largest frequency-range penalty (reached near 560 Hz). */
    static final double UNVOICED = 1, RANGE_CAP = 1.2;

    private PitchViterbi() {
    }

    /** The frequency-range penalty (times wRange): none from 100 to 350 Hz, linear outside. */
    static double rangePenalty(double f) {
        if (f < 100) return (100 - f) / 100;
        if (f > 350) return Math.min(RANGE_CAP, (f - 350) / 250);
        return 0;
    }

    /**
     * @param f0    [frames][6] candidate frequencies
     * @param voic  [frames][6] candidate voicings
     * @param count candidates per frame (the first {@code count[t]} entries are valid)
     * @param out   F0 per frame, 0 when unvoiced
     */
    static void smooth(double[][] f0, double[][] voic, int[] count, int n, double[] out) {
        if (n == 0) return;
        int k = PitchShs.MAX_CANDIDATES + 1, uv = k - 1;
        double thresholdBias = W_LOCAL * W_THR;
        double[][] cost = new double[2][k];
        int[][] back = new int[n][k];
        double[] local = new double[k];
        double[] logF = new double[k], logPrev = new double[k], logPrevBelow = new double[k];
        for (int t = 0; t < n; t++) {
            double[] cur = cost[t & 1], prev = cost[(t + 1) & 1];
            for (int s = 0; s < uv; s++) {
                double v = voic[t][s], f = f0[t][s];
                boolean valid = s < count[t] && v > 0 && f > 0;
                local[s] = valid ? -W_LOCAL * Math.log(v) + W_RANGE * rangePenalty(f) + (v < CUTOFF ? thresholdBias : 0)
                        : Double.POSITIVE_INFINITY;
                logF[s] = valid ? Math.log(f) : 0;
            }
            double v0 = count[t] > 0 ? voic[t][0] : 0;
            local[uv] = UNVOICED + (v0 >= CUTOFF ? thresholdBias : 0);
            if (t > 0) {
                for (int p = 0; p < uv; p++) {
                    boolean valid = p < count[t - 1] && f0[t - 1][p] > 0;
                    logPrev[p] = valid ? Math.log(f0[t - 1][p]) : Double.NaN;
                    // the second term measures the jump from the previous frame's slot p - 1 (slot 0: itself)
                    logPrevBelow[p] = valid ? Math.log(f0[t - 1][Math.max(0, p - 1)]) : Double.NaN;
                }
            }
            for (int s = 0; s < k; s++) {
                if (local[s] == Double.POSITIVE_INFINITY) {
                    cur[s] = Double.POSITIVE_INFINITY;
                    continue;
                }
                if (t == 0) {
                    cur[s] = local[s];
                    back[t][s] = uv;
                    continue;
                }
                double best = Double.POSITIVE_INFINITY;
                int arg = uv;
                for (int p = 0; p < k; p++) {
                    double c0 = prev[p];
                    if (c0 == Double.POSITIVE_INFINITY) continue;
                    double tr;
                    if (s == uv && p == uv) tr = W_TUU;
                    else if (s == uv || p == uv) tr = W_TVUV;
                    else tr = W_TVV * (Math.abs(logF[s] - logPrev[p]) + Math.abs(logF[s] - logPrevBelow[p]));
                    if (c0 + tr < best) {
                        best = c0 + tr;
                        arg = p;
                    }
                }
                cur[s] = best + local[s];
                back[t][s] = arg;
            }
        }
        double[] last = cost[(n - 1) & 1];
        int s = uv;
        double best = Double.POSITIVE_INFINITY;
        for (int q = 0; q < k; q++) {
            if (last[q] < best) {
                best = last[q];
                s = q;
            }
        }
        for (int t = n - 1; t >= 0; t--) {
            out[t] = s == uv ? 0 : f0[t][s];
            s = back[t][s];
        }
    }
}
