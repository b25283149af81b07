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
        buf[0] = buf[0] * buf[0];
        buf[1] = buf[1] * buf[1];
        for (int k = 1; k < m / 2; k++) {
            double re = buf[2 * k], im = buf[2 * k + 1];
            buf[2 * k] = re * re + im * im;
            buf[2 * k + 1] = 0;
        }
        fft.inverseInPlace(buf);
        System.arraycopy(buf, 0, r, 0, Math.min(lags + 1, m));
    }
}
