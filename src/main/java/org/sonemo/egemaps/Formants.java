package org.sonemo.egemaps;

import org.sonemo.dsp.Framing;
import org.sonemo.dsp.Lpc;
import org.sonemo.dsp.PolynomialRoots;
import org.sonemo.dsp.RealFft;
import org.sonemo.dsp.Windows;

/**
 * Formants F1-F3 from 20 ms Hamming frames: the complex spectrum up to 5.5 kHz is turned back
 * into a signal at about 11 kHz (inverse DFT of the retained bins), LPC of order 11 by the
 * autocorrelation method, and the roots of the predictor polynomial give frequencies
 * (angle fs / 2 pi) and bandwidths (-ln|z| fs / pi); roots in 50..5450 Hz sorted by frequency.
 */
final class Formants {
    static final int ORDER = 11, MAX_FORMANTS = 5;
    static final double TARGET_FS = 11000, MIN_F = 50, MAX_F = 5450;

    private final int frameLength, hop, fftSize, keep, m;
    private final double fsOut;
    private final double[] window, frame, sig, r, a, tmp, coeffs;
    private final RealFft fft;
    private final org.jtransforms.fft.DoubleFFT_1D inverse;
    private final PolynomialRoots roots;
    final double[] freq = new double[MAX_FORMANTS], bw = new double[MAX_FORMANTS];
    int found;

    Formants(int sampleRate) {
        frameLength = (int) Math.round(0.020 * sampleRate);
        hop = (int) Math.round(0.010 * sampleRate);
        fftSize = Framing.nextPowerOfTwo(frameLength);
        double df = (double) sampleRate / fftSize;
        int k = (int) Math.floor(TARGET_FS / 2 / df);
        keep = Math.min(k, fftSize / 2);
        m = 2 * keep;
        fsOut = m * df;
        window = Windows.hamming(frameLength);
        frame = new double[frameLength];
        sig = new double[m];
        r = new double[ORDER + 1];
        a = new double[ORDER + 1];
        tmp = new double[ORDER + 1];
        coeffs = new double[ORDER + 1];
        fft = new RealFft(fftSize);
        roots = new PolynomialRoots(ORDER);
        inverse = new org.jtransforms.fft.DoubleFFT_1D(m); // any length: m = 2 * keep is rarely a power of two
    }

    /** Formants of 20 ms frame {@code index}; results in freq/bw[0..found). */
    void frame(float[] x, int index) {
        found = 0;
        java.util.Arrays.fill(freq, 0);
        java.util.Arrays.fill(bw, 0);
        if ((long) index * hop + frameLength > x.length) return;
        Framing.frame(x, index, hop, window, frame);
        double[] p = fft.forward(frame, frameLength);
        // inverse real DFT of bins 0..keep (bin keep becomes the Nyquist bin of the new rate)
        sig[0] = p[0];
        sig[1] = keep == fftSize / 2 ? p[1] : p[2 * keep];
        System.arraycopy(p, 2, sig, 2, m - 2);
        inverse.realInverse(sig, true);
        Lpc.autocorrelation(sig, m, r, ORDER);
        if (r[0] <= 0) return;
        Lpc.levinson(r, ORDER, a, tmp);
        // A(z) = sum a_k z^-k -> polynomial z^p + a1 z^(p-1) + ... + ap
        System.arraycopy(a, 0, coeffs, 0, ORDER + 1);
        roots.solve(coeffs);
        double[] re = roots.re(), im = roots.im();
        for (int i = 0; i < ORDER; i++) {
            if (im[i] <= 0) continue;
            double f = Math.atan2(im[i], re[i]) * fsOut / (2 * Math.PI);
            double mod = Math.hypot(re[i], im[i]);
            double b = -Math.log(mod) * fsOut / Math.PI;
            if (f < MIN_F || f > MAX_F) continue;
            // insert sorted by frequency
            int pos = found;
            while (pos > 0 && freq[pos - 1] > f) pos--;
            if (pos >= MAX_FORMANTS) continue;
            for (int q = Math.min(found, MAX_FORMANTS - 1); q > pos; q--) {
                freq[q] = freq[q - 1];
                bw[q] = bw[q - 1];
            }
            freq[pos] = f;
            bw[pos] = b;
            if (found < MAX_FORMANTS) found++;
        }
    }
}
