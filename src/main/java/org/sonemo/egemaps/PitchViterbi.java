package org.sonemo.egemaps;

/**
 * Viterbi smoothing of the SHS pitch candidates over a whole input: per frame one state per
 * candidate plus an unvoiced state. openSMILE's cost function is not documented beyond its weight
 * names; this one was fitted to openSMILE's own decisions ({@code gemapsv01b_logPitchRaw}) given
 * openSMILE's own candidates on 24 TAVA clips, and checked on 12 others (voicing decisions agree on
 * 98.4 % of frames; 4.4 % of the frames both call voiced differ by more than 0.5 semitone). What the fit found:
 * <ul>
 * <li>a voiced state costs {@link #LOCAL} (1 - v) plus {@link #BELOW_CUTOFF} when its voicing v is
 * below the 0.7 cut-off; the unvoiced state costs {@link #ABOVE_CUTOFF} when the first candidate's
 * voicing reaches the cut-off (nothing otherwise);</li>
 * <li>voiced-to-voiced transitions cost {@link #JUMP} per octave of jump, capped at
 * {@link #JUMP_CAP} octave, plus {@link #DELTA} per octave of change of the jump (second difference
 * of log2 F0 along the path), capped at {@link #DELTA_CAP} octave: openSMILE jumps an octave
 * readily when the voicings favour it, but resists small zig-zags;</li>
 * <li>voiced-unvoiced switches cost {@link #SWITCH}; unvoiced-unvoiced nothing.</li>
 * </ul>
 * openSMILE's voicingFinalUnclipped (not used here) is the chosen candidate's voicing, or the first
 * candidate's when unvoiced.
 */
final class PitchViterbi {
    static final double CUTOFF = 0.7, LOCAL = 5.223, BELOW_CUTOFF = 12.83, ABOVE_CUTOFF = 6.39,
            JUMP = 0.8521, JUMP_CAP = 0.494, DELTA = 1.9939, DELTA_CAP = 0.0478, SWITCH = 7.382;

    private PitchViterbi() {
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
        double[][] cost = new double[2][k];
        double[][] slope = new double[2][k]; // log2 jump into each state along its best path
        int[][] back = new int[n][k];
        double[] local = new double[k];
        for (int t = 0; t < n; t++) {
            double[] cur = cost[t & 1], prev = cost[(t + 1) & 1];
            double[] curSlope = slope[t & 1], prevSlope = slope[(t + 1) & 1];
            double v0 = count[t] > 0 ? voic[t][0] : 0;
            for (int s = 0; s < uv; s++) {
                double v = voic[t][s];
                local[s] = s < count[t] ? LOCAL * (1 - v) + (v < CUTOFF ? BELOW_CUTOFF : 0) : Double.POSITIVE_INFINITY;
            }
            local[uv] = v0 >= CUTOFF ? ABOVE_CUTOFF : 0;
            for (int s = 0; s < k; s++) {
                if (local[s] == Double.POSITIVE_INFINITY) {
                    cur[s] = Double.POSITIVE_INFINITY;
                    continue;
                }
                if (t == 0) {
                    cur[s] = local[s];
                    curSlope[s] = 0;
                    back[t][s] = uv;
                    continue;
                }
                double best = Double.POSITIVE_INFINITY, bestSlope = 0;
                int arg = uv;
                double logF = s < uv ? PitchShs.log2(f0[t][s]) : 0;
                for (int p = 0; p < k; p++) {
                    double c0 = prev[p];
                    if (c0 == Double.POSITIVE_INFINITY) continue;
                    double tr, d = 0;
                    if (s == uv && p == uv) tr = 0;
                    else if (s == uv || p == uv) tr = SWITCH;
                    else {
                        d = logF - PitchShs.log2(f0[t - 1][p]);
                        tr = JUMP * Math.min(Math.abs(d), JUMP_CAP) + DELTA * Math.min(Math.abs(d - prevSlope[p]), DELTA_CAP);
                    }
                    if (c0 + tr < best) {
                        best = c0 + tr;
                        arg = p;
                        bestSlope = d;
                    }
                }
                cur[s] = best + local[s];
                curSlope[s] = bestSlope;
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
