package org.sonemo.dsp;

/** Autocorrelation through the FFT (Wiener-Khinchin), zero-padded to avoid wrap-around. */
public final class Autocorrelation {
    private final RealFft fft;
    private final double[] buf;

    /** For inputs of up to {@code maxLength} samples. */
    public Autocorrelation(int maxLength) {
        fft = new RealFft(Framing.nextPowerOfTwo(2 * maxLength));
        buf = new double[fft.size()];
    }

    /** Biased autocorrelation r[k] = sum_i x[i] x[i+k] for k = 0..lags into r. */
    public void compute(double[] x, int n, double[] r, int lags) {
        int m = fft.size();
        System.arraycopy(x, 0, buf, 0, n);
        java.util.Arrays.fill(buf, n, m, 0.0);
        fft.forwardInPlace(buf);
        fft.autocorrelationOf(buf, buf);
        System.arraycopy(buf, 0, r, 0, Math.min(lags + 1, m));
    }
}
