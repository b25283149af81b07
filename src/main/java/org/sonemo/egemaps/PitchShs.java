package org.sonemo.egemaps;

/**
 * Pitch candidates by subharmonic summation (Hermes 1988) on one magnitude spectrum: the
 * spectrum is resampled onto a log2-frequency axis from 25 Hz to Nyquist (as many points as FFT
 * bins, cubic spline), peak-enhanced (local mean over +-0.24 octave removed: our choice, tuned on
 * TAVA against openSMILE's candidates), smoothed and weighted by an arctan model of auditory
 * sensitivity (0.5 + atan(3 log2(f / 65 Hz)) / pi); then H(s) = sum_{n=1..15} 0.85^(n-1) P(s + log2 n) is evaluated for pitches of
 * 55 to 1000 Hz, and its largest local maxima (greedily, up to 6) become candidates with a
 * voicing of 1 - mean(H) / H(peak).
 */
final class PitchShs {
    static final int MAX_CANDIDATES = 6;
    static final double MIN_PITCH = 55, MAX_PITCH = 1000, MIN_F = 25, COMPRESSION = 0.85;
    static final int HARMONICS = 15;

    private final int bins, points;
    private final double df, logMin, step;
    private final double[] splineM, logSpec, tmp, shs, weight, binPos;
    private final int[] harmShift;
    private final double[] harmWeight;
    private final int sLo, sHi, enhanceRadius;
    static final double ENHANCE_OCTAVES = 0.24;
    // spline work
    private final double[] cp, dp;
    /** Outputs of the last {@link #analyze}. */
    final double[] candF0 = new double[MAX_CANDIDATES], candVoicing = new double[MAX_CANDIDATES],
            candScore = new double[MAX_CANDIDATES];
    int candidates;

    PitchShs(int fftSize, int sampleRate) {
        bins = fftSize / 2 + 1;
        points = bins;
        df = (double) sampleRate / fftSize;
        logMin = log2(MIN_F);
        double logMax = log2(sampleRate / 2.0);
        step = (logMax - logMin) / (points - 1);
        splineM = new double[bins];
        cp = new double[bins];
        dp = new double[bins];
        logSpec = new double[points];
        tmp = new double[points];
        shs = new double[points];
        weight = new double[points];
        binPos = new double[points];
        for (int j = 0; j < points; j++) {
            double f = Math.pow(2, logMin + j * step);
            weight[j] = 0.5 + Math.atan(3 * log2(f / 65.0)) / Math.PI;
            binPos[j] = f / df;
        }
        harmShift = new int[HARMONICS];
        harmWeight = new double[HARMONICS];
        for (int n = 1; n <= HARMONICS; n++) {
            harmShift[n - 1] = (int) Math.round(log2(n) / step);
            harmWeight[n - 1] = Math.pow(COMPRESSION, n - 1);
        }
        enhanceRadius = Math.max(1, (int) Math.round(ENHANCE_OCTAVES / step));
        sLo = Math.max(0, (int) Math.ceil((log2(MIN_PITCH) - logMin) / step));
        sHi = Math.min(points - 1, (int) Math.floor((log2(MAX_PITCH) - logMin) / step));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Fills the candidate arrays from a magnitude spectrum of {@code bins} values. */
    void analyze(double[] mag) {
        // natural cubic spline of the magnitude over bin index
        spline(mag);
        for (int j = 0; j < points; j++) {
            logSpec[j] = splineAt(mag, binPos[j]);
            if (logSpec[j] < 0) logSpec[j] = 0;
        }
        // enhancement: subtract the local mean over +-0.24 octave and keep what stands above it;
        // then a 3-point Hanning smoothing and the auditory weighting
        System.arraycopy(logSpec, 0, tmp, 0, points);
        double acc = 0;
        int lo = 0, hi = -1;
        for (int j = 0; j < points; j++) {
            int nlo = Math.max(0, j - enhanceRadius), nhi = Math.min(points - 1, j + enhanceRadius);
            while (hi < nhi) acc += tmp[++hi];
            while (lo < nlo) acc -= tmp[lo++];
            logSpec[j] = Math.max(0, tmp[j] - acc / (hi - lo + 1));
        }
        System.arraycopy(logSpec, 0, tmp, 0, points);
        for (int j = 0; j < points; j++) {
            double a = tmp[Math.max(0, j - 1)], b = tmp[j], c = tmp[Math.min(points - 1, j + 1)];
            logSpec[j] = (0.25 * a + 0.5 * b + 0.25 * c) * weight[j];
        }
        // subharmonic summation over the pitch range
        double sum = 0;
        for (int s = sLo; s <= sHi; s++) {
            double h = 0;
            for (int n = 0; n < HARMONICS; n++) {
                int idx = s + harmShift[n];
                if (idx >= points) break;
                h += harmWeight[n] * logSpec[idx];
            }
            shs[s] = h;
            sum += h;
        }
        double mean = sum / (sHi - sLo + 1);
        // greedy peak picking: the largest local maxima first
        candidates = 0;
        java.util.Arrays.fill(candF0, 0);
        java.util.Arrays.fill(candVoicing, 0);
        java.util.Arrays.fill(candScore, 0);
        for (int s = sLo + 1; s < sHi; s++) {
            double v = shs[s];
            if (!(v > shs[s - 1] && v >= shs[s + 1]) || v <= 0) continue;
            // insert sorted by score
            int pos = candidates;
            while (pos > 0 && candScore[pos - 1] < v) pos--;
            if (pos >= MAX_CANDIDATES) continue;
            int last = Math.min(candidates, MAX_CANDIDATES - 1);
            for (int q = last; q > pos; q--) {
                candScore[q] = candScore[q - 1];
                candF0[q] = candF0[q - 1];
                candVoicing[q] = candVoicing[q - 1];
            }
            // parabolic refinement of the peak position
            double a = shs[s - 1], b = v, c = shs[s + 1];
            double den = a - 2 * b + c;
            double off = den != 0 ? 0.5 * (a - c) / den : 0;
            double peak = b - 0.25 * (a - c) * off;
            candScore[pos] = peak;
            candF0[pos] = Math.pow(2, logMin + (s + off) * step);
            candVoicing[pos] = peak > 0 ? Math.max(0, 1 - mean / peak) : 0;
            if (candidates < MAX_CANDIDATES) candidates++;
        }
    }

    private void spline(double[] y) {
        int n = bins;
        // natural spline second derivatives via the tridiagonal system (unit spacing)
        cp[0] = 0;
        dp[0] = 0;
        for (int i = 1; i < n - 1; i++) {
            double m = 4 - cp[i - 1];
            cp[i] = 1 / m;
            dp[i] = (6 * (y[i + 1] - 2 * y[i] + y[i - 1]) - dp[i - 1]) / m;
        }
        splineM[n - 1] = 0;
        for (int i = n - 2; i >= 1; i--) splineM[i] = dp[i] - cp[i] * splineM[i + 1];
        splineM[0] = 0;
    }

    private double splineAt(double[] y, double x) {
        int i = (int) Math.floor(x);
        if (i < 0) return y[0];
        if (i >= bins - 1) return y[bins - 1];
        double t = x - i, u = 1 - t;
        return u * y[i] + t * y[i + 1] + ((u * u * u - u) * splineM[i] + (t * t * t - t) * splineM[i + 1]) / 6.0;
    }
}
