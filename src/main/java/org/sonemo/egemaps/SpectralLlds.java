package org.sonemo.egemaps;

import org.sonemo.dsp.Dct;
import org.sonemo.dsp.Framing;
import org.sonemo.dsp.MelFilterbank;
import org.sonemo.dsp.RealFft;
import org.sonemo.dsp.Windows;

/**
 * The ten spectral low-level descriptors of eGeMAPS v02 on 20 ms Hamming frames with a 10 ms
 * hop: loudness, alpha ratio, Hammarberg index, the two spectral slopes, spectral flux and
 * MFCC 1-4. Buffers are allocated once per sample rate; {@link #frame} allocates nothing.
 */
final class SpectralLlds {
    static final int LOUDNESS = 0, ALPHA = 1, HAMMARBERG = 2, SLOPE0_500 = 3, SLOPE500_1500 = 4,
            FLUX = 5, MFCC1 = 6;
    static final int COUNT = 10;

    private static final double MEL_FLOOR = 9.3e-10;
    /** Floor of the numerator of the alpha ratio and the Hammarberg index (observed, see frame()). */
    private static final double NUMERATOR_FLOOR = 1e-14;
    private static final double INT16 = 32767.0;

    final int sampleRate, frameLength, hop, fftSize, bins;
    private final double df;
    private final double[] window;
    private final RealFft fft;
    private final MelFilterbank mel;
    private final double[] equalLoudness;
    private final Dct dct;
    private final double[] lifter;
    private final double[] frame, mag, pow, prevMag, bands, cep;
    private final int alphaLoEnd, alphaHiEnd, hamLoEnd, hamHiEnd, fluxEnd;
    private final double[] logPow;
    private final Slope slopeA, slopeB;
    private boolean first = true;

    SpectralLlds(int sampleRate) {
        this.sampleRate = sampleRate;
        frameLength = (int) Math.round(0.020 * sampleRate);
        hop = (int) Math.round(0.010 * sampleRate);
        fftSize = Framing.nextPowerOfTwo(frameLength);
        bins = fftSize / 2 + 1;
        df = (double) sampleRate / fftSize;
        window = Windows.hamming(frameLength);
        fft = new RealFft(fftSize);
        // observed: both of openSMILE's filterbanks (loudness and MFCC) use HTK's bin range
        mel = new MelFilterbank(26, 20, 8000, fftSize, sampleRate, true);
        equalLoudness = new double[26];
        for (int b = 0; b < 26; b++) equalLoudness[b] = equalLoudness(2 * Math.PI * mel.centreHz(b));
        dct = new Dct(26, 1, 4);
        lifter = new double[4];
        for (int i = 0; i < 4; i++) lifter[i] = 1 + 11 * Math.sin(Math.PI * (i + 1) / 22.0);
        frame = new double[frameLength];
        mag = new double[bins];
        pow = new double[bins];
        prevMag = new double[bins];
        logPow = new double[bins];
        bands = new double[26];
        cep = new double[4];
        alphaLoEnd = lastBinBelow(1000);      // bins [0, alphaLoEnd]
        alphaHiEnd = lastBinAtOrBelow(5000);   // bins (alphaLoEnd, alphaHiEnd]
        hamLoEnd = lastBinBelow(2000);
        hamHiEnd = lastBinAtOrBelow(5000);
        fluxEnd = lastBinBelow(5000);
        slopeA = new Slope(0, 500, df, bins);
        slopeB = new Slope(500, 1500, df, bins);
    }

    private int lastBinBelow(double hz) {
        int k = (int) Math.ceil(hz / df) - 1;
        return Math.min(k, bins - 1);
    }

    private int lastBinAtOrBelow(double hz) {
        return Math.min((int) Math.floor(hz / df), bins - 1);
    }

    /** Equal-loudness weight at angular frequency w (rad/s). */
    static double equalLoudness(double w) {
        double w2 = w * w;
        double num = 1e32 * (w2 + 56.8e6) * w2 * w2;
        double den = (w2 + 6.3e6) * (w2 + 6.3e6) * (w2 + 0.38e9) * (Math.pow(w, 7) + 1.7e31);
        return num / den;
    }

    int frames(int n) {
        return Framing.count(n, frameLength, hop);
    }

    void reset() {
        first = true;
    }

    /** Descriptors of frame {@code index} of x into {@code out[0..10)}. */
    void frame(float[] x, int index, double[] out) {
        Framing.frame(x, index, hop, window, frame);
        double[] packed = fft.forward(frame, frameLength);
        RealFft.magnitude(packed, fftSize, mag);
        for (int k = 0; k < bins; k++) pow[k] = mag[k] * mag[k];

        // loudness: mel bands of power, floored, equal-loudness weighted, cube-root-ish compressed, mean
        mel.apply(pow, bands);
        double loud = 0;
        for (int b = 0; b < 26; b++) {
            double e = Math.max(bands[b], MEL_FLOOR) * equalLoudness[b];
            loud += Math.pow(e, 0.33);
        }
        out[LOUDNESS] = loud / 26;

        // MFCC: the same bands on power scaled to int16 range, ln with floor 1, DCT-II, lifter
        double s2 = INT16 * INT16;
        mel.apply(pow, bands);
        for (int b = 0; b < 26; b++) {
            double e = bands[b] * s2;
            bands[b] = e < 1 ? 0 : Math.log(e);
        }
        dct.apply(bands, cep);
        for (int i = 0; i < 4; i++) out[MFCC1 + i] = cep[i] * lifter[i];

        // alpha ratio and Hammarberg index
        double lo = 0, hi = 0;
        for (int k = 0; k <= alphaLoEnd; k++) lo += pow[k];
        for (int k = alphaLoEnd + 1; k <= alphaHiEnd; k++) hi += pow[k];
        // observed: the numerator of both ratios (the 1-5 kHz energy here, the 0-2 kHz peak below)
        // is floored at 1e-14 before the log, which only near-silent frames reach
        out[ALPHA] = (lo > 0 && hi > 0) ? 10 * Math.log10(Math.max(hi, NUMERATOR_FLOOR) / lo) : 0;
        double mlo = 0, mhi = 0;
        for (int k = 0; k <= hamLoEnd; k++) mlo = Math.max(mlo, pow[k]);
        for (int k = hamLoEnd + 1; k <= hamHiEnd; k++) mhi = Math.max(mhi, pow[k]);
        out[HAMMARBERG] = (mlo > 0 && mhi > 0) ? 10 * Math.log10(Math.max(mlo, NUMERATOR_FLOOR) / mhi) : 0;

        // spectral slopes of the log power spectrum
        for (int k = 0; k < bins; k++) logPow[k] = pow[k] > 1e-14 ? 10 * Math.log10(pow[k]) : -140;
        out[SLOPE0_500] = slopeA.slope(logPow);
        out[SLOPE500_1500] = slopeB.slope(logPow);

        // spectral flux of raw magnitudes up to 5 kHz
        if (first) {
            out[FLUX] = 0;
            first = false;
        } else {
            double s = 0;
            for (int k = 0; k <= fluxEnd; k++) {
                double d = mag[k] - prevMag[k];
                s += d * d;
            }
            out[FLUX] = Math.sqrt(s / (fluxEnd + 1));
        }
        System.arraycopy(mag, 0, prevMag, 0, bins);
    }

    /** Regression slope of a spectrum against frequency in Hz over a band, with fractional edge bins. */
    static final class Slope {
        final int left, right;
        final double wl, wr, df;

        Slope(double lo, double hi, double df, int bins) {
            this.df = df;
            double bl = lo / df, bh = hi / df;
            left = (int) Math.floor(bl);
            wl = 1 - (bl - left);
            // observed: the upper edge weight 1 - (ceil(bh) - bh) falls on bin floor(bh)
            right = Math.min((int) Math.floor(bh), bins - 1);
            wr = 1 - (Math.ceil(bh) - bh);
        }

        double slope(double[] y) {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int k = left; k <= right; k++) {
                double w = k == left ? wl : k == right ? wr : 1;
                double f = k * df;
                sx += w * f;
                sy += w * y[k];
                sxx += (w * f) * (w * f); // observed: the edge weight enters squared here
                sxy += w * f * y[k];
            }
            double n = right - left;
            double den = n * sxx - sx * sx;
            return den == 0 ? 0 : (n * sxy - sx * sy) / den;
        }
    }
}
