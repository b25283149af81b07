package org.sonemo.egemaps;

import org.sonemo.dsp.RealFft;

/**
 * Voice quality of one voiced 60 ms frame given its F0: HNR from the autocorrelation of the
 * Gaussian-windowed frame (inverse FFT of its power spectrum), harmonic amplitudes from its
 * magnitude spectrum (H1, H2, the harmonic nearest F3, and the strongest harmonic near each
 * formant), and jitter/shimmer from consecutive pitch periods of the raw waveform found by
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

    /** Largest magnitude within +-10% of F0 around frequency f, 0 if outside the spectrum. */
    double harmonicAmplitude(double[] mag, double f0, double f) {
        double lo = (f - 0.1 * f0) / df, hi = (f + 0.1 * f0) / df;
        int a = Math.max(1, (int) Math.floor(lo)), b = Math.min(bins - 1, (int) Math.ceil(hi));
        double m = 0;
        for (int k = a; k <= b; k++) m = Math.max(m, mag[k]);
        return m;
    }

    /** Amplitude of the harmonic of f0 closest to frequency target (up to 100 harmonics). */
    double harmonicNear(double[] mag, double f0, double target) {
        int h = (int) Math.max(1, Math.min(100, Math.round(target / f0)));
        return harmonicAmplitude(mag, f0, h * f0);
    }

    /**
     * The strongest harmonic of f0 within centre +- bandwidth / 2 (up to 100 harmonics); the
     * nearest harmonic when none falls inside.
     */
    double harmonicMaxInBand(double[] mag, double f0, double centre, double bandwidth) {
        double lo = centre - bandwidth / 2, hi = centre + bandwidth / 2, m = 0;
        boolean any = false;
        for (int h = 1; h <= 100; h++) {
            double f = h * f0;
            if (f < lo) continue;
            if (f > hi) break;
            any = true;
            m = Math.max(m, harmonicAmplitude(mag, f0, f));
        }
        return any ? m : harmonicNear(mag, f0, centre);
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
