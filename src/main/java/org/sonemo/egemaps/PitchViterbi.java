package org.sonemo.egemaps;

/**
 * Viterbi smoothing of the SHS pitch candidates, reproducing openSMILE's {@code cPitchSmootherViterbi}
 * with the eGeMAPS v01b options (wLocal 2, wTvv 10, wTvvd 5, wTvuv 10, wThr 4, wTuu 0, wRange 1,
 * voicing cut-off 0.7 from the SHS level). States per frame: the 6 candidate slots and an unvoiced
 * state. The costs below were observed, not taken from openSMILE's source: crafted candidate frames
 * went through openSMILE's smoother alone ({@code ViterbiProbeTest}, test resource
 * {@code opensmile/viterbi-probe.conf}), and the input value at which its decision flips was found by
 * bisection, one term at a time and then on 41 three-step scenarios (all reproduced); then the whole
 * was checked against openSMILE's decisions on its own candidates of TAVA clips. What was observed:
 * <ul>
 * <li>a voiced state costs wLocal (-ln v), v its candidate's voicing, at least {@link #VOICING_FLOOR}
 * (the ratio of the two voicings at which openSMILE switches between two candidates is the same
 * whatever their level; below about 0.01 a lower voicing no longer costs more);</li>
 * <li>plus wRange times a frequency penalty: 0 from 100 to 350 Hz, (100 - f) / 100 below,
 * (f - 350) / 250 from 350 Hz, and {@link #RANGE_CAP} from 600 Hz on (a step from 1 to 1.2);</li>
 * <li>a voiced state whose voicing is below the cut-off costs wLocal wThr more; the unvoiced state
 * costs wLocal wThr when the first candidate's voicing reaches the cut-off, else nothing;</li>
 * <li>voiced to voiced, from slot i of the previous frame to slot j of this one, costs wTvv times
 * |ln(f_j / p_i)| plus a second term: |ln(f_j / p_0)| from slot 0, but |ln(p_i / p_(i-1))| from any
 * other slot, p the previous frame's candidates. The second term does not depend on where the path
 * goes when it leaves slot i &ge; 1: it is the distance of p_i from the candidate ranked above it. So a
 * path staying on slot k of steady frames pays wTvv |ln(f_k / f_(k-1))| per frame, and a slot-0 glide
 * of ratio r per frame pays 2 wTvv |ln r|;</li>
 * <li>voiced-unvoiced switches cost wTvuv; staying unvoiced costs {@link #UNVOICED_STAY} per frame, and
 * the path starts from an unvoiced state (a voiced first frame pays wTvuv). Found with unvoiced runs of
 * 1 to 3 frames inside, at the start and at the end of voiced frames ({@code ViterbiProbeTest}): the
 * unvoiced run costs 2 wTvuv + 9 L - 1 inside (L frames, wLocal wThr 8), wTvuv + 9 L - 1 at the end
 * and 9 L - 1 more than a voiced start at the start, with wTvuv 10 and 15 and wThr 4 and 2. wTvvd
 * and wTuu had no effect on any probe;</li>
 * <li>the smoother decodes online over a 40-frame buffer, but deciding the whole input at once gave
 * the same decisions on the clips tried, so this decodes the whole input.</li>
 * <li>what the online decoding does show: the frames it had not decided when the input ended (the
 * surviving paths from every state of the last frame, the 6 slots and the unvoiced one, do not yet
 * pass through one state; a slot without a candidate counts as a state reached from the unvoiced
 * state), at most bufferLength - 1 of them, are written only after the end of input, when the
 * functionals behind the contour smoother have already taken their frames. So openSMILE's F0-level
 * functionals see the first n - {@link #smooth(double[][], double[][], int[], int, double[]) undecided}
 * frames: n - 1 on 300 of the 375 TAVA clips at 48 kHz (371 at 16 kHz), n - 2 to n - 5 on the rest,
 * exactly as predicted on all 375 clips at both rates given openSMILE's candidates ({@code TrimProbe},
 * from the segment functionals' frame count), and on crafted candidates through the smoother, a
 * cContourSmoother and a Segments functional ({@code ViterbiEndOfInputTest}). Counting only the
 * states that have a candidate predicts 359 of the 375 clips at 48 kHz.</li>
 * </ul>
 * On openSMILE's own candidates of all 375 TAVA clips (70,905 frames) this gives openSMILE's F0 on
 * every frame at 48 and at 16 kHz (before the unvoiced-run costs and the 600 Hz step: 75 and 42 frames
 * off; with the unvoiced-run costs alone 21 and 8, all choices between near-equal candidates above
 * 550 Hz; the cost function fitted before that: 371 and 81 frames off on 31 clips). openSMILE's
 * voicingFinalUnclipped (not used here) is the chosen candidate's voicing, or the first candidate's
 * when unvoiced.
 */
final class PitchViterbi {
    /** openSMILE's option values in eGeMAPS v01b ({@code gemapsv01b_pitchSmoothViterbi}) and the SHS cut-off. */
    static final double W_LOCAL = 2, W_TVV = 10, W_TVUV = 10, W_THR = 4, W_TUU = 0, W_RANGE = 1, CUTOFF = 0.7;
    /**
     * Observed: the cost of staying unvoiced from one frame to the next, the frequency-range penalty
     * from 600 Hz on (below 600 Hz it rises linearly to 0.9996 at 599.9 Hz), and the voicing below which a voiced state costs no more (0.0095 reproduces the
     * flips measured with wLocal 2; with wLocal 4 they suggest about 0.0085: rare in real candidates).
     */
    static final double UNVOICED_STAY = 1, RANGE_CAP = 1.2, VOICING_FLOOR = 0.0095;
    /**
     * eGeMAPS' bufferLength of the smoother: at most bufferLength - 1 frames are still undecided at
     * end of input (observed with crafted candidates whose paths never meet, bufferLength 40 and 10:
     * the functionals then see n - 39 and n - 9 frames; {@code ViterbiEndOfInputTest}).
     */
    static final int BUFFER_LENGTH = 40;

    private PitchViterbi() {
    }

    /** The frequency-range penalty (times wRange): none from 100 to 350 Hz, linear outside, 1.2 from 600 Hz. */
    static double rangePenalty(double f) {
        if (f < 100) return (100 - f) / 100;
        if (f >= 600) return RANGE_CAP;
        if (f > 350) return (f - 350) / 250;
        return 0;
    }

    /**
     * @param f0    [frames][6] candidate frequencies
     * @param voic  [frames][6] candidate voicings
     * @param count candidates per frame (the first {@code count[t]} entries are valid)
     * @param out   F0 per frame, 0 when unvoiced
     * @return the number of trailing frames openSMILE's online decoder has not decided yet at the
     * end of input (at least 1 when n &gt; 0, at most {@link #BUFFER_LENGTH} - 1): the surviving
     * paths from every state of the last frame first pass through one state at frame n - 1 - undecided
     */
    static int smooth(double[][] f0, double[][] voic, int[] count, int n, double[] out) {
        return smooth(f0, voic, count, n, out, CUTOFF);
    }

    /**
     * As {@link #smooth(double[][], double[][], int[], int, double[])} with another voicing cut-off:
     * openSMILE's smoother reads it from its input level, which is 0 when crafted candidates come
     * from a {@code cExternalSource} (the probes of {@code ViterbiProbeTest}).
     */
    static int smooth(double[][] f0, double[][] voic, int[] count, int n, double[] out, double cutoff) {
        if (n == 0) return 0;
        int k = PitchShs.MAX_CANDIDATES + 1, uv = k - 1;
        double thresholdBias = W_LOCAL * W_THR;
        double[][] cost = new double[2][k];
        int[][] back = new int[n][k];
        double[] local = new double[k];
        double[] logF = new double[k], logPrev = new double[k], prevSpacing = new double[k];
        for (int t = 0; t < n; t++) {
            double[] cur = cost[t & 1], prev = cost[(t + 1) & 1];
            for (int s = 0; s < uv; s++) {
                double v = voic[t][s], f = f0[t][s];
                boolean valid = s < count[t] && f > 0;
                local[s] = valid ? -W_LOCAL * Math.log(Math.max(v, VOICING_FLOOR)) + W_RANGE * rangePenalty(f)
                        + (v < cutoff ? thresholdBias : 0) : Double.POSITIVE_INFINITY;
                logF[s] = valid ? Math.log(f) : 0;
            }
            double v0 = count[t] > 0 ? voic[t][0] : 0;
            local[uv] = v0 >= cutoff ? thresholdBias : 0;
            if (t > 0) {
                for (int p = 0; p < uv; p++) {
                    boolean valid = p < count[t - 1] && f0[t - 1][p] > 0;
                    logPrev[p] = valid ? Math.log(f0[t - 1][p]) : Double.NaN;
                    // the second jump term from slot p >= 1: its distance from the slot ranked above it
                    prevSpacing[p] = valid && p > 0 ? Math.abs(logPrev[p] - Math.log(f0[t - 1][p - 1])) : 0;
                }
            }
            for (int s = 0; s < k; s++) {
                if (local[s] == Double.POSITIVE_INFINITY) {
                    // a slot without a candidate: only the unvoiced state leads there (for undecided())
                    cur[s] = Double.POSITIVE_INFINITY;
                    back[t][s] = uv;
                    continue;
                }
                if (t == 0) {
                    cur[s] = local[s] + (s == uv ? 0 : W_TVUV);
                    back[t][s] = uv;
                    continue;
                }
                double best = Double.POSITIVE_INFINITY;
                int arg = uv;
                for (int p = 0; p < k; p++) {
                    double c0 = prev[p];
                    if (c0 == Double.POSITIVE_INFINITY) continue;
                    double tr;
                    if (s == uv && p == uv) tr = UNVOICED_STAY;
                    else if (s == uv || p == uv) tr = W_TVUV;
                    else {
                        double jump = Math.abs(logF[s] - logPrev[p]);
                        tr = W_TVV * (jump + (p == 0 ? jump : prevSpacing[p]));
                    }
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
        return Math.min(undecided(back, n, k), BUFFER_LENGTH - 1);
    }

    /** Trailing frames on which the back-traced paths from all k states of the last frame still differ. */
    static int undecided(int[][] back, int n, int k) {
        int[] state = new int[k];
        for (int s = 0; s < k; s++) state[s] = s;
        for (int t = n - 1; t >= 0; t--) {
            boolean same = true;
            for (int i = 1; i < k && same; i++) same = state[i] == state[0];
            if (same) return n - 1 - t;
            for (int i = 0; i < k; i++) state[i] = back[t][state[i]];
        }
        return n;
    }
}
