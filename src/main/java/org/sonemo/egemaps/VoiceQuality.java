package org.sonemo.egemaps;

import org.sonemo.dsp.RealFft;

/**
 * Voice quality of one voiced 60 ms frame given its F0: HNR from the autocorrelation of the
 * Gaussian-windowed frame (inverse FFT of its power spectrum), harmonic amplitudes from its
 * magnitude spectrum (peaks nearest to the multiples of F0, parabolically interpolated; the
 * strongest harmonic near each formant), and jitter/shimmer from consecutive pitch periods of the raw waveform found by
 * normalised cross-correlation within +-10% of the F0 period.
 */
final class VoiceQuality {
    private final int sampleRate, fftSize, bins;
    private final double df;
    private final double[] acf;
    private final RealFft fft;
    private final int[] periodStart = new int[64];
    private final double[] periodAmp = new double[64];

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

    /**
     * Jitter (local, relative) and shimmer (local, dB) in out[0], out[1] from the raw samples of
     * one 60 ms frame starting at {@code start}; 0 when fewer than 2 reliable periods.
     */
    void jitterShimmer(float[] x, int start, int len, double f0, double[] out) {
        out[0] = 0;
        out[1] = 0;
        int t0 = (int) Math.round(sampleRate / f0);
        if (t0 < 2 || 2 * t0 > len) return;
        int end = Math.min(x.length, start + len);
        int pos = start, count = 0;
        int lo = (int) Math.floor(t0 * 0.9), hi = (int) Math.ceil(t0 * 1.1);
        periodStart[count] = pos;
        while (count < periodStart.length - 2) {
            int best = -1;
            double bestCc = -2;
            int ref = periodStart[count];
            for (int lag = lo; lag <= hi; lag++) {
                if (ref + lag + t0 > end) break;
                double sxy = 0, sxx = 0, syy = 0;
                for (int i = 0; i < t0; i++) {
                    double a = x[ref + i], b = x[ref + lag + i];
                    sxy += a * b;
                    sxx += a * a;
                    syy += b * b;
                }
                double cc = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
                if (cc > bestCc) {
                    bestCc = cc;
                    best = lag;
                }
            }
            if (best < 0 || bestCc < 0.5) break;
            count++;
            periodStart[count] = ref + best;
        }
        if (count < 2) return;
        double sumT = 0, sumD = 0;
        for (int i = 0; i < count; i++) {
            int ti = periodStart[i + 1] - periodStart[i];
            sumT += ti;
            if (i > 0) sumD += Math.abs(ti - (periodStart[i] - periodStart[i - 1]));
        }
        out[0] = (sumD / (count - 1)) / (sumT / count);
        for (int i = 0; i < count; i++) {
            double m = 0;
            for (int j = periodStart[i]; j < periodStart[i + 1]; j++) m = Math.max(m, Math.abs(x[j]));
            periodAmp[i] = m;
        }
        double s = 0;
        int c = 0;
        for (int i = 1; i < count; i++) {
            if (periodAmp[i] > 0 && periodAmp[i - 1] > 0) {
                s += Math.abs(20 * Math.log10(periodAmp[i] / periodAmp[i - 1]));
                c++;
            }
        }
        out[1] = c > 0 ? s / c : 0;
    }
}
