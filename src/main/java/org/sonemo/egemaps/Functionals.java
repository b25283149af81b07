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

    /** A pending or accepted maximum gives way to a later one only when this much higher (observed). */
    static final double PEAK_REPLACE = 1.05;

    /**
     * Peaks and valleys of a contour with a relative threshold, and the slopes between them, as
     * openSMILE's peak functional computes them (found by feeding it crafted contours through
     * {@code cExternalSource} and reading its {@code consoleDbg} listing of the extrema it keeps, see
     * PeakFunctionalParityTest). Returns {numPeaks, meanRising, stddevRising, meanFalling,
     * stddevFalling}; slopes in units per second given the frame period.
     *
     * <p>Candidates are strict local maxima and minima at frames 2 .. n-3 (plateaus never are);
     * thr = {@code relThresh} x range. Observed rules, in one pass:
     * <ul>
     * <li>A maximum after an accepted minimum (or at the start) is accepted when it is thr above
     * the latest minimum candidate, accepted or not (at the start also: thr above frame 0).
     * Otherwise it stays pending: the best pending maximum is replaced by a later one only when
     * more than 5 % higher, and a later minimum candidate thr below it accepts both (if it is thr
     * above the last accepted minimum, or frame 0).</li>
     * <li>A maximum after an accepted maximum replaces it when more than 5 % higher or thr above
     * the latest minimum candidate since.</li>
     * <li>A minimum after an accepted maximum (or at the start) is accepted when thr below that
     * maximum (frame 0 at the start); a maximum candidate that follows the accepted one with no
     * minimum candidate between (a plateau valley) and is thr lower becomes that reference.
     * A minimum after an accepted minimum replaces it when lower.</li>
     * <li>At the end, the highest maximum pending since the last accepted minimum is accepted when
     * thr above it and either no minimum candidate follows it or the contour falls thr below it.</li>
     * </ul>
     * Slopes run from the first frame to the first extremum (signed: rising into a maximum, falling
     * into a minimum), between consecutive extrema (magnitudes), and from the last extremum to the
     * last frame: that final slope keeps
     * its sign (negative after a peak, among the falling slopes) and counts in the mean but not in
     * the sum of squared deviations of the standard deviation, which still divides by the full
     * count. Without any extremum the single slope is (last - first) / n with n in frames.
     */
    static double[] peaks(double[] x, double relThresh, double framePeriod) {
        int n = x.length;
        double[] out = new double[5];
        if (n == 0) return out;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double thr = relThresh * (max - min);
        int[] idx = new int[n];
        boolean[] isPeak = new boolean[n];
        int m = 0;
        double latestMin = x[0], refMax = x[0];
        double lowStart = x[0]; // lowest of frame 0 and the minimum candidates before any extremum
        boolean minSinceMax = false; // a minimum candidate since the last maximum candidate
        int startPeak = -1; // a maximum that became the reference before any extremum
        int pend = -1, high = -1; // pending maximum (5 % rule), highest pending maximum
        boolean minAfterHigh = false;
        for (int i = 2; i < n - 2; i++) {
            boolean peak = x[i - 1] < x[i] && x[i] > x[i + 1];
            if (!peak && !(x[i - 1] > x[i] && x[i] < x[i + 1])) continue;
            double y = x[i];
            boolean afterMax = m > 0 && isPeak[m - 1];
            if (peak) {
                boolean deep = !Double.isNaN(latestMin) && y - latestMin >= thr;
                boolean acc = false;
                if (!afterMax) {
                    if (deep) {
                        idx[m] = i;
                        isPeak[m++] = true;
                        acc = true;
                    } else {
                        double a = m == 0 ? lowStart : x[idx[m - 1]];
                        if (y - a >= thr && (pend < 0 || y > PEAK_REPLACE * x[pend])) pend = i;
                        if (high < 0 || y > x[high]) {
                            high = i;
                            minAfterHigh = false;
                        }
                    }
                } else if (y > PEAK_REPLACE * x[idx[m - 1]] || deep) {
                    idx[m - 1] = i;
                    acc = true;
                }
                if (acc) {
                    refMax = y;
                    minSinceMax = false;
                    latestMin = Double.NaN;
                    pend = high = -1;
                } else if (!minSinceMax && refMax - y >= thr) {
                    refMax = y;
                    if (m == 0) startPeak = i;
                }
                minSinceMax = false;
            } else {
                if (!afterMax) {
                    if (pend >= 0 && x[pend] - y >= thr) {
                        idx[m] = pend;
                        isPeak[m++] = true;
                        idx[m] = i;
                        isPeak[m++] = false;
                        refMax = x[pend];
                        pend = high = -1;
                    } else if (m == 0) {
                        if (refMax - y >= thr) {
                            if (startPeak >= 0) {
                                idx[m] = startPeak;
                                isPeak[m++] = true;
                            }
                            idx[m] = i;
                            isPeak[m++] = false;
                            pend = high = -1;
                        }
                    } else if (y < x[idx[m - 1]]) {
                        idx[m - 1] = i;
                        pend = high = -1;
                    }
                } else if (refMax - y >= thr) {
                    idx[m] = i;
                    isPeak[m++] = false;
                    pend = high = -1;
                }
                latestMin = y;
                if (m == 0) lowStart = Math.min(lowStart, y);
                minSinceMax = true;
                minAfterHigh = true;
            }
        }
        if (high >= 0 && m > 0 && !isPeak[m - 1] && x[high] - x[idx[m - 1]] >= thr) {
            double lo = Double.POSITIVE_INFINITY;
            for (int t = high; t < n; t++) lo = Math.min(lo, x[t]);
            if (!minAfterHigh || x[high] - lo >= thr) {
                idx[m] = high;
                isPeak[m++] = true;
            }
        }
        double[] rising = new double[m + 1], falling = new double[m + 1];
        int rc = 0, fc = 0, peaks = 0;
        double last;
        boolean lastRises;
        if (m == 0) {
            last = (x[n - 1] - x[0]) / n;
            lastRises = last >= 0;
        } else {
            int prev = 0;
            boolean prevPeak = !isPeak[0]; // the first frame acts as the opposite of the first extremum
            for (int k = 0; k < m; k++) {
                if (isPeak[k]) peaks++;
                // the slope from frame 0 keeps its sign (a first maximum below frame 0: negative rise)
                double d = isPeak[k] ? x[idx[k]] - x[prev] : x[prev] - x[idx[k]];
                double slope = (k == 0 ? d : Math.abs(d)) / ((idx[k] - prev) * framePeriod);
                if (isPeak[k] && !prevPeak) rising[rc++] = slope;
                else if (!isPeak[k] && prevPeak) falling[fc++] = slope;
                prev = idx[k];
                prevPeak = isPeak[k];
            }
            last = (x[n - 1] - x[prev]) / ((n - 1 - prev) * framePeriod);
            lastRises = !prevPeak;
        }
        out[0] = peaks;
        meanAndStddevWithFinal(lastRises ? rising : falling, lastRises ? rc : fc, last, out, lastRises ? 1 : 3);
        if (lastRises) meanAndStddevWithFinal(falling, fc, Double.NaN, out, 3);
        else meanAndStddevWithFinal(rising, rc, Double.NaN, out, 1);
        return out;
    }

    /**
     * Mean and standard deviation of s[0..c) plus an optional final slope (NaN: none) into out[at],
     * out[at + 1]: the final slope counts in the mean and the count, not in the squared deviations.
     */
    private static void meanAndStddevWithFinal(double[] s, int c, double fin, double[] out, int at) {
        boolean hasFinal = !Double.isNaN(fin) && !Double.isInfinite(fin);
        int count = c + (hasFinal ? 1 : 0);
        if (count == 0) return;
        double sum = hasFinal ? fin : 0;
        for (int i = 0; i < c; i++) sum += s[i];
        double mean = sum / count, ss = 0;
        for (int i = 0; i < c; i++) ss += (s[i] - mean) * (s[i] - mean);
        out[at] = mean;
        out[at + 1] = Math.sqrt(ss / count);
    }

    /**
     * Segments of non-zero ({@code voiced} true) or zero frames, as openSMILE's Segments functional
     * (nonX / eqX, X = 0) forms them; returns {count, mean length, stddev of length} in frames.
     * Observed on crafted contours ({@code SegmentFunctionalParityTest}): a single frame of the
     * other kind does not end a segment, two in a row do; a segment is as long as its last frame's
     * index minus its first's, and counts only when it holds at least 3 frames of its own kind.
     */
    static double[] segments(double[] x, boolean voiced) {
        int count = 0, start = -1, last = -1, own = 0, other = 0;
        double s = 0, ss = 0;
        for (int i = 0; i <= x.length; i++) {
            boolean in = i < x.length && ((x[i] != 0) == voiced);
            if (in) {
                if (start < 0) { start = i; own = 0; }
                last = i;
                own++;
                other = 0;
            } else if (start >= 0 && (++other >= 2 || i == x.length)) {
                if (own >= 3) {
                    count++;
                    s += last - start;
                    ss += (double) (last - start) * (last - start);
                }
                start = -1;
            }
        }
        if (count == 0) return new double[3];
        double mean = s / count;
        return new double[]{count, mean, Math.sqrt(Math.max(0, ss / count - mean * mean))};
    }
}
