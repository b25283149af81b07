package org.sonemo.egemaps;

import org.sonemo.dsp.RealFft;

/**
 * Voice quality of one voiced 60 ms frame given its F0: HNR from the autocorrelation of the
 * Gaussian-windowed frame (inverse FFT of its power spectrum), harmonic amplitudes from its
 * magnitude spectrum (peaks nearest to the multiples of F0, parabolically interpolated; the
 * strongest harmonic near each formant), and jitter/shimmer from a chain of pitch periods of the
 * raw waveform found by normalised cross-correlation within +-10% of the F0 period (stateful
 * across frames).
 */
final class VoiceQuality {
    private final int sampleRate, fftSize, bins;
    private final double df;
    private final double[] acf;
    private final RealFft fft;
    
    VoiceQuality(int sampleRate, int fftSize) {
        this.sampleRate = sampleRate;
        this.fftSize = fftSize;
        bins = fftSize / 2 + 1;
        df = (double) sampleRate / fftSize;
        acf = new double[fftSize];
        fft = new RealFft(fftSize);
    }

    /** HNR in dB from the packed spectrum of the windowed frame (copied, not modified). */
    double hnr(double[] packed, double f0) {
        int n = fftSize;
        fft.autocorrelationOf(packed, acf);
        double r0 = acf[0];
        if (r0 <= 0) return 0;
        double t0 = sampleRate / f0;
        int lo = Math.max(1, (int) Math.floor(t0 * 0.9)), hi = Math.min(n / 2 - 1, (int) Math.ceil(t0 * 1.1));
        double best = -Double.MAX_VALUE;
        for (int l = lo; l <= hi; l++) best = Math.max(best, acf[l]);
        double rho = best / r0;
        if (rho <= 0) return -100;
        if (rho >= 1) rho = 0.999999;
        return 10 * Math.log10(rho / (1 - rho));
    }

    /**
     * The spectral peak openSMILE takes as harmonic h of f0: the local maximum (strictly above
     * both neighbours) nearest to bin h f0 / df, the lower one on a tie; -1 when there is none.
     * Matches openSMILE's H1-H2 exactly on 98% of voiced frames; on the rest openSMILE takes a
     * farther peak above the expected position, for a reason not found.
     */
    int harmonicPeak(double[] mag, double f0, int h) {
        double c = h * f0 / df;
        int k = (int) Math.floor(c), best = -1;
        for (int d = 0; ; d++) {
            int lo = k - d, hi = k + 1 + d;
            if (lo < 1 && hi > bins - 2) return best;
            if (best >= 0 && Math.abs(best - c) < d) return best;
            if (lo >= 1 && lo <= bins - 2 && isPeak(mag, lo) && (best < 0 || Math.abs(lo - c) <= Math.abs(best - c))) best = lo;
            if (hi >= 1 && hi <= bins - 2 && isPeak(mag, hi) && (best < 0 || Math.abs(hi - c) < Math.abs(best - c))) best = hi;
        }
    }

    private static boolean isPeak(double[] mag, int i) {
        return mag[i] > mag[i - 1] && mag[i] > mag[i + 1];
    }

    /** Parabolic interpolation through the peak bin and its neighbours: the peak's height (amplitude). */
    static double peakHeight(double[] mag, int i) {
        double y0 = mag[i - 1], y1 = mag[i], y2 = mag[i + 1], den = y0 - 2 * y1 + y2;
        return den == 0 ? y1 : y1 - 0.125 * (y0 - y2) * (y0 - y2) / den;
    }

    /** Parabolic interpolation through the peak bin and its neighbours: the peak's frequency (Hz). */
    double peakFrequency(double[] mag, int i) {
        double y0 = mag[i - 1], y1 = mag[i], y2 = mag[i + 1], den = y0 - 2 * y1 + y2;
        return (den == 0 ? i : i + 0.5 * (y0 - y2) / den) * df;
    }

    /** Interpolated amplitude of harmonic h (h >= 1); 0 when no peak. */
    double harmonic(double[] mag, double f0, int h) {
        int i = harmonicPeak(mag, f0, h);
        return i < 0 ? 0 : peakHeight(mag, i);
    }

    /** openSMILE's reference for the formant amplitudes: the raw bin magnitude of harmonic 1's peak. */
    double firstHarmonicBin(double[] mag, double f0) {
        int i = harmonicPeak(mag, f0, 1);
        return i < 0 ? 0 : mag[i];
    }

    /**
     * Amplitude at a formant as openSMILE's output shows it: the largest harmonic (of the first
     * 100) whose interpolated peak frequency lies within 0.8..1.2 times the formant frequency (its
     * bandwidth plays no part); harmonic 1 counts with its raw bin magnitude. 0 when none falls
     * there (then openSMILE outputs 0 dB).
     */
    double formantAmplitude(double[] mag, double f0, double formant) {
        double lo = 0.8 * formant, hi = 1.2 * formant, best = 0;
        if (formant <= 0) return 0;
        // the nearest peak lies within f0 of h f0 except in sparse spectra: scan one harmonic wider
        int hFirst = Math.max(1, (int) Math.floor(lo / f0) - 1), hLast = Math.min(100, (int) Math.ceil(hi / f0) + 1);
        for (int h = hFirst; h <= hLast; h++) {
            int i = harmonicPeak(mag, f0, h);
            if (i < 0) continue;
            double f = peakFrequency(mag, i);
            if (f < lo || f > hi) continue;
            best = Math.max(best, h == 1 ? mag[i] : peakHeight(mag, i));
        }
        return best;
    }

    static double db(double a, double b) {
        if (a <= 0 || b <= 0) return 0;
        return 20 * Math.log10(a / b);
    }

    // ---- jitter and shimmer: one chain of pitch periods through consecutive voiced frames ----
    private static final double SEARCH_RANGE = 0.1, MIN_CC = 0.5;
    /** Observed: frame t takes new periods until one ends past t * hop + 3 ms ... */
    private static final double TAKE_UNTIL_SECONDS = 0.003;
    /** ... and a period search needs its samples before t * hop + 30 ms. */
    private static final double DATA_UNTIL_SECONDS = 0.030;
    private final double[] periodT = new double[64], periodA = new double[64];
    private double[] cc = new double[0];
    private double chainPos = -1, lastT, lastA, heldJitter, heldShimmer;
    private boolean haveLast;

    /** An unvoiced frame: the chain breaks and the held values are cleared. */
    void breakPeriodChain() {
        chainPos = -1;
        haveLast = false;
        heldJitter = heldShimmer = 0;
    }

    /**
     * Jitter (local) and shimmer (local, dB) of voiced frame {@code t} into out[0], out[1], as
     * observed in openSMILE's output (crafted pulse trains with known period and amplitude
     * perturbations, then corpus clips given openSMILE's own F0): pitch periods form one chain
     * through consecutive voiced frames, each found from the end of the previous one as the lag
     * within +-10 % of the frame's F0 period with the largest normalised cross-correlation
     * (window of one F0 period, parabolic refinement); a lag correlating below 0.5 skips one F0
     * period. Frame t adds periods while the chain ends before t * hop + 3 ms; its values use the
     * last period of the previous frame plus the new ones: jitter = mean |T_i - T_i-1| / mean T,
     * shimmer = 20 log10(1 + mean |A_i - A_i-1| / mean A) with A the peak-to-peak amplitude of a
     * period. With fewer than 2 periods the previous frame's values are repeated.
     */
    void jitterShimmer(float[] x, int t, int hop, double f0, double[] out) {
        double t0 = sampleRate / f0;
        int lo = (int) Math.floor(t0 * (1 - SEARCH_RANGE)), hi = (int) Math.ceil(t0 * (1 + SEARCH_RANGE));
        int win = (int) Math.round(t0);
        if (cc.length < hi + 2) cc = new double[hi + 2];
        if (chainPos < 0) chainPos = (double) t * hop;
        int c = 0;
        if (haveLast) {
            periodT[0] = lastT;
            periodA[0] = lastA;
            c = 1;
        }
        double dataEnd = Math.min(x.length, t * hop + DATA_UNTIL_SECONDS * sampleRate);
        double takeUntil = t * hop + TAKE_UNTIL_SECONDS * sampleRate;
        do {
            int ib = (int) Math.round(chainPos);
            if (ib + hi + 1 + win > dataEnd) break;
            int best = -1;
            for (int lag = lo - 1; lag <= hi + 1; lag++) {
                double sxy = 0, sxx = 0, syy = 0;
                for (int i = 0; i < win; i++) {
                    double a = x[ib + i], b = x[ib + lag + i];
                    sxy += a * b;
                    sxx += a * a;
                    syy += b * b;
                }
                cc[lag] = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
                if (lag >= lo && lag <= hi && (best < 0 || cc[lag] > cc[best])) best = lag;
            }
            if (cc[best] < MIN_CC) {
                chainPos += t0;
                continue;
            }
            double period = best, den = cc[best - 1] - 2 * cc[best] + cc[best + 1];
            if (den < 0) period += Math.max(-1, Math.min(1, 0.5 * (cc[best - 1] - cc[best + 1]) / den));
            double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
            for (int i = ib, e = ib + (int) Math.round(period); i < e; i++) {
                max = Math.max(max, x[i]);
                min = Math.min(min, x[i]);
            }
            if (c < periodT.length) {
                periodT[c] = period;
                periodA[c++] = max - min;
            }
            chainPos += period;
        } while (chainPos < takeUntil);
        if (c >= 2) {
            double sT = 0, sA = 0, dT = 0, dA = 0;
            for (int i = 0; i < c; i++) {
                sT += periodT[i];
                sA += periodA[i];
                if (i > 0) {
                    dT += Math.abs(periodT[i] - periodT[i - 1]);
                    dA += Math.abs(periodA[i] - periodA[i - 1]);
                }
            }
            heldJitter = (dT / (c - 1)) / (sT / c);
            heldShimmer = sA > 0 ? 20 * Math.log10(1 + (dA / (c - 1)) / (sA / c)) : 0;
        }
        if (c >= 1) {
            lastT = periodT[c - 1];
            lastA = periodA[c - 1];
            haveLast = true;
        }
        out[0] = heldJitter;
        out[1] = heldShimmer;
    }
}
