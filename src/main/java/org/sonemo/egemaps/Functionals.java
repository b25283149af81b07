package org.sonemo.egemaps;

import java.util.Arrays;

/** The statistics eGeMAPS takes over contours; every method works on x[0..n). */
final class Functionals {
    private Functionals() {
    }

    /** x[0..n) without its zeros. */
    static double[] nonZero(double[] x, int n) {
        int c = 0;
        for (int i = 0; i < n; i++) if (x[i] != 0) c++;
        double[] y = new double[c];
        for (int i = 0, j = 0; i < n; i++) if (x[i] != 0) y[j++] = x[i];
        return y;
    }

    static double mean(double[] x) {
        if (x.length == 0) return 0;
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    /** Population standard deviation divided by the (signed) mean; 0 when the mean is 0. */
    static double stddevNorm(double[] x) {
        if (x.length == 0) return 0;
        double m = mean(x);
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        double sd = Math.sqrt(s / x.length);
        return m == 0 ? 0 : sd / m;
    }

    /** Percentile p in [0,1] of sorted values, linearly interpolated at index p (n - 1). */
    static double percentile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) return 0;
        double pos = p * (n - 1);
        int i = (int) Math.floor(pos);
        if (i >= n - 1) return sorted[n - 1];
        double f = pos - i;
        return sorted[i] * (1 - f) + sorted[i + 1] * f;
    }

    static double[] sorted(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    /**
     * Peaks and valleys of a contour with a relative threshold, and the slopes between them.
     * Returns {numPeaks, meanRising, stddevRising, meanFalling, stddevFalling}; slopes in units
     * per second given the frame period.
     */
    static double[] peaks(double[] x, double relThresh, double framePeriod) {
        int n = x.length;
        double[] out = new double[5];
        if (n < 3) return out;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double thr = relThresh * (max - min);
        // alternating extrema with hysteresis: a peak must exceed the preceding valley by thr and vice versa
        int[] idx = new int[n + 2];
        boolean[] isPeak = new boolean[n + 2];
        int m = 0;
        int candMax = 0, candMin = 0;
        int dir = 0; // 0 unknown, 1 rising (looking for a peak), -1 falling (looking for a valley)
        for (int i = 1; i < n; i++) {
            if (x[i] > x[candMax]) candMax = i;
            if (x[i] < x[candMin]) candMin = i;
            if (dir >= 0 && x[candMax] - x[i] > thr && (dir == 1 || x[candMax] - x[candMin] > thr)) {
                if (dir == 0 && candMin < candMax) {
                    idx[m] = candMin;
                    isPeak[m++] = false;
                }
                idx[m] = candMax;
                isPeak[m++] = true;
                dir = -1;
                candMin = i;
            } else if (dir <= 0 && x[i] - x[candMin] > thr && (dir == -1 || x[candMax] - x[candMin] > thr)) {
                if (dir == 0 && candMax < candMin) {
                    idx[m] = candMax;
                    isPeak[m++] = true;
                }
                idx[m] = candMin;
                isPeak[m++] = false;
                dir = 1;
                candMax = i;
            }
        }
        // a contour that ends (starts) on a peak falls to (rises from) its lowest point after (before) it
        if (m > 0 && isPeak[m - 1] && idx[m - 1] < n - 1) {
            int v = idx[m - 1] + 1;
            for (int i = v; i < n; i++) if (x[i] < x[v]) v = i;
            idx[m] = v;
            isPeak[m++] = false;
        }
        if (m > 0 && isPeak[0] && idx[0] > 0) {
            int v = 0;
            for (int i = 1; i < idx[0]; i++) if (x[i] < x[v]) v = i;
            System.arraycopy(idx, 0, idx, 1, m);
            System.arraycopy(isPeak, 0, isPeak, 1, m);
            idx[0] = v;
            isPeak[0] = false;
            m++;
        }
        int peaks = 0;
        double rs = 0, rss = 0, fs = 0, fss = 0;
        int rc = 0, fc = 0;
        for (int k = 0; k < m; k++) {
            if (isPeak[k]) peaks++;
            if (k == 0) continue;
            double dt = (idx[k] - idx[k - 1]) * framePeriod;
            if (dt <= 0) continue;
            double slope = (x[idx[k]] - x[idx[k - 1]]) / dt;
            if (isPeak[k] && !isPeak[k - 1]) {
                rs += slope;
                rss += slope * slope;
                rc++;
            } else if (!isPeak[k] && isPeak[k - 1]) {
                fs += -slope;
                fss += slope * slope;
                fc++;
            }
        }
        out[0] = peaks;
        if (rc > 0) {
            out[1] = rs / rc;
            out[2] = Math.sqrt(Math.max(0, rss / rc - out[1] * out[1]));
        }
        if (fc > 0) {
            out[3] = fs / fc;
            out[4] = Math.sqrt(Math.max(0, fss / fc - out[3] * out[3]));
        }
        return out;
    }

    /**
     * Segments of consecutive frames that are non-zero ({@code voiced} true) or zero: returns
     * {count, mean length, stddev of length}. Observed in openSMILE: a segment of k frames
     * counts as k - 1 frames long.
     */
    static double[] segments(double[] x, boolean voiced) {
        int count = 0;
        double s = 0, ss = 0;
        int run = 0;
        for (int i = 0; i <= x.length; i++) {
            boolean in = i < x.length && ((x[i] != 0) == voiced);
            if (in) run++;
            else if (run > 0) {
                count++;
                s += run - 1;
                ss += (double) (run - 1) * (run - 1);
                run = 0;
            }
        }
        if (count == 0) return new double[3];
        double mean = s / count;
        return new double[]{count, mean, Math.sqrt(Math.max(0, ss / count - mean * mean))};
    }
}
