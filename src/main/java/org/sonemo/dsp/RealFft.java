package org.sonemo.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Real FFT of a fixed power-of-two length via JTransforms, with helpers that unpack its
 * in-place packing ({@code a[0] = Re X0, a[1] = Re X(n/2), a[2k] = Re Xk, a[2k+1] = Im Xk}).
 * Holds its own work buffer: not thread-safe, no allocation per call.
 */
public final class RealFft {
    private final int n;
    private final DoubleFFT_1D fft;
    private final double[] work;

    public RealFft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT length must be a power of two >= 2: " + n);
        this.n = n;
        this.fft = new DoubleFFT_1D(n);
        this.work = new double[n];
    }

    public int size() {
        return n;
    }

    /** Number of non-negative frequency bins: n/2 + 1. */
    public int bins() {
        return n / 2 + 1;
    }

    /**
     * Transforms {@code x[0..len)} zero-padded to n, in the work buffer; returns the packed buffer
     * (valid until the next call).
     */
    public double[] forward(double[] x, int len) {
        System.arraycopy(x, 0, work, 0, len);
        java.util.Arrays.fill(work, len, n, 0.0);
        fft.realForward(work);
        return work;
    }

    /** Transforms in place a caller buffer of length n (packed result). */
    public void forwardInPlace(double[] a) {
        fft.realForward(a);
    }

    /** Inverse of a packed spectrum in place, scaled so that inverse(forward(x)) == x. */
    public void inverseInPlace(double[] a) {
        fft.realInverse(a, true);
    }

    /**
     * Circular autocorrelation from a packed spectrum: writes |Xk|^2 (packed) into {@code out},
     * inverse-transforms it in place; out[l] is then sum_i x[i] x[(i + l) mod n].
     */
    public void autocorrelationOf(double[] packed, double[] out) {
        out[0] = packed[0] * packed[0];
        out[1] = packed[1] * packed[1];
        for (int k = 1; k < n / 2; k++) {
            double re = packed[2 * k], im = packed[2 * k + 1];
            out[2 * k] = re * re + im * im;
            out[2 * k + 1] = 0;
        }
        fft.realInverse(out, true);
    }

    /** Magnitudes |Xk| for k = 0..n/2 of a packed spectrum. */
    public static void magnitude(double[] packed, int n, double[] out) {
        out[0] = Math.abs(packed[0]);
        out[n / 2] = Math.abs(packed[1]);
        for (int k = 1; k < n / 2; k++) {
            double re = packed[2 * k], im = packed[2 * k + 1];
            out[k] = Math.sqrt(re * re + im * im);
        }
    }

    /** Powers |Xk|^2 for k = 0..n/2 of a packed spectrum. */
    public static void power(double[] packed, int n, double[] out) {
        out[0] = packed[0] * packed[0];
        out[n / 2] = packed[1] * packed[1];
        for (int k = 1; k < n / 2; k++) {
            double re = packed[2 * k], im = packed[2 * k + 1];
            out[k] = re * re + im * im;
        }
    }
}
