package org.sonemo.egemaps;

import org.sonemo.dsp.Framing;
import org.sonemo.dsp.Lpc;
import org.sonemo.dsp.PolynomialRoots;
import org.sonemo.dsp.RealFft;
import org.sonemo.dsp.Windows;

/**
 * Formants from 20 ms Hamming frames, reproducing openSMILE's observed chain stage by stage
 * (docs/egemaps-java.md, "Formants"):
 * <ol>
 * <li>Spectral resampling to 11 kHz: 220 output samples (20 ms at 11 kHz, whatever the input
 * rate), the trigonometric interpolation of the zero-padded frame at 1/11000 s steps from the
 * start of the FFT buffer, in which the frame sits centred. Only bins 0..108 are kept (the
 * output's Nyquist bin count 110, minus one, read as input bins: 5.1 kHz at 48 kHz but 3.4 kHz
 * at 16 kHz), and the DC bin counts twice.</li>
 * <li>LPC of order 11: plain (unwindowed) biased autocorrelation of those 220 samples (summed
 * in float, as openSMILE) and Levinson-Durbin, A(z) = 1 + sum a_k z^-k.</li>
 * <li>Roots of 1 - sum a_k z^-k (the opposite sign of the predictor just computed, as openSMILE
 * does), those with positive imaginary part and frequency angle * 11000 / 2 pi within
 * 50..5450 Hz, sorted by frequency, at most 5; bandwidth |ln|z|| * 11000 / pi (roots outside
 * the unit circle count as if reflected inside). Missing formants are 0.</li>
 * </ol>
 */
final class Formants {
    static final int ORDER = 11, MAX_FORMANTS = 5;
    static final double TARGET_FS = 11000, MIN_F = 50, MAX_F = 5450;
    /** Resampled length: 20 ms at the target rate. */
    static final int RESAMPLED = (int) Math.round(0.020 * TARGET_FS);

    private final int frameLength, hop, bins;
    private final double[] window, frame, r, tmp, coeffs;
    /** cos/sin tables [bin][output sample] of the interpolation, scaled by 2 / fftSize. */
    private final double[][] cos, sin;
    private final RealFft fft;
    private final PolynomialRoots roots;
    /** The last frame's resampled signal (RESAMPLED samples) and predictor a[0..ORDER] (a[0] = 1). */
    final double[] resampled = new double[RESAMPLED], lpc = new double[ORDER + 1];
    final double[] freq = new double[MAX_FORMANTS], bw = new double[MAX_FORMANTS];
    int found;

    Formants(int sampleRate) {
        frameLength = (int) Math.round(0.020 * sampleRate);
        hop = (int) Math.round(0.010 * sampleRate);
        int fftSize = Framing.nextPowerOfTwo(frameLength);
        // bins 1..bins-1 besides DC; never the FFT's Nyquist bin (only reachable below 7 kHz input)
        bins = Math.min(RESAMPLED / 2 - 1, fftSize / 2 - 1) + 1;
        double step = sampleRate / TARGET_FS, offset = (fftSize - frameLength) / 2;
        cos = new double[bins][RESAMPLED];
        sin = new double[bins][RESAMPLED];
        for (int k = 0; k < bins; k++) {
            for (int n = 0; n < RESAMPLED; n++) {
                // our FFT has the frame at the buffer's start: openSMILE's time n * step in its
                // centred buffer is n * step - offset in ours
                double ph = 2 * Math.PI * k * (n * step - offset) / fftSize;
                cos[k][n] = 2.0 / fftSize * Math.cos(ph);
                sin[k][n] = -2.0 / fftSize * Math.sin(ph);
            }
        }
        window = Windows.hamming(frameLength);
        frame = new double[frameLength];
        r = new double[ORDER + 1];
        tmp = new double[ORDER + 1];
        coeffs = new double[ORDER + 1];
        fft = new RealFft(fftSize);
        roots = new PolynomialRoots(ORDER);
    }

    /** Formants of 20 ms frame {@code index}; results in freq/bw[0..found). */
    void frame(float[] x, int index) {
        found = 0;
        java.util.Arrays.fill(freq, 0);
        java.util.Arrays.fill(bw, 0);
        java.util.Arrays.fill(resampled, 0);
        java.util.Arrays.fill(lpc, 0);
        if ((long) index * hop + frameLength > x.length) return;
        Framing.frame(x, index, hop, window, frame);
        resample(fft.forward(frame, frameLength));
        if (predictor()) fromPredictor();
    }

    /** Stage 2: LPC of {@link #resampled} into {@link #lpc}; false for a silent frame. */
    boolean predictor() {
        autocorrelationInFloat(resampled, r);
        if (r[0] <= 0) return false;
        // the float-summed autocorrelation is not always positive definite: like openSMILE, run the
        // recursion to full order through a negative prediction error (stopping there instead gave
        // bandwidths of 1e5 Hz in some 16 kHz frames)
        Lpc.levinson(r, ORDER, lpc, tmp, false);
        return true;
    }

    /** Stage 3: formants from the predictor in {@link #lpc}. */
    void fromPredictor() {
        found = 0;
        java.util.Arrays.fill(freq, 0);
        java.util.Arrays.fill(bw, 0);
        boolean silent = true;
        for (int k = 1; k <= ORDER; k++) silent &= lpc[k] == 0;
        if (silent) return; // all roots at 0 (a silent frame): openSMILE gives no formants
        // openSMILE's formant stage reads the predictor with the opposite sign: 1 - sum a_k z^-k
        coeffs[0] = 1;
        for (int k = 1; k <= ORDER; k++) coeffs[k] = -lpc[k];
        roots.solve(coeffs);
        double[] re = roots.re(), im = roots.im();
        for (int i = 0; i < ORDER; i++) {
            if (im[i] <= 0) continue;
            double f = Math.atan2(im[i], re[i]) * TARGET_FS / (2 * Math.PI);
            if (f < MIN_F || f > MAX_F) continue;
            // roots outside the unit circle (this polynomial is not minimum-phase) count with a
            // positive bandwidth, as if reflected inside
            double b = Math.abs(Math.log(Math.hypot(re[i], im[i]))) * TARGET_FS / Math.PI;
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

    /**
     * Biased autocorrelation r[0..ORDER] summed in float from float samples, one lag at a time in
     * sample order. openSMILE works in float, and order-11 LPC of this band-limited signal is
     * ill-conditioned: summing in double moves formants 10x further from openSMILE's (median
     * 0.024 vs 0.0025 Hz, 99th percentile 7.5 vs 0.5 Hz, bandwidths 40 vs 2 Hz, measured on a
     * TAVA clip given openSMILE's resampled signal).
     */
    private static void autocorrelationInFloat(double[] x, double[] r) {
        for (int k = 0; k <= ORDER; k++) {
            float s = 0;
            for (int i = k; i < RESAMPLED; i++) s += (float) x[i] * (float) x[i - k];
            r[k] = s;
        }
    }

    /** The resampled signal from the packed spectrum (axpy per bin: vectorises, no reduction). */
    private void resample(double[] packed) {
        double dc = packed[0] * cos[0][0];
        java.util.Arrays.fill(resampled, dc);
        for (int k = 1; k < bins; k++) {
            double xr = packed[2 * k], xi = packed[2 * k + 1];
            double[] c = cos[k], s = sin[k];
            for (int n = 0; n < RESAMPLED; n++) resampled[n] += xr * c[n] + xi * s[n];
        }
    }
}
