package org.sonemo.dsp;

/**
 * Band-limited resampling by a Hann-windowed sinc (cut-off 0.95 of the lower Nyquist frequency,
 * 32 zero crossings each side). Direct evaluation: meant for preparing test and parity inputs,
 * not for real-time use.
 */
public final class Resampler {
    private Resampler() {
    }

    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate == toRate) return x.clone();
        long outLen = (long) Math.floor((double) x.length * toRate / fromRate);
        float[] y = new float[(int) outLen];
        double ratio = (double) toRate / fromRate;
        double cutoff = 0.95 * Math.min(1.0, ratio); // relative to the input Nyquist
        int zeros = 32;
        double halfWidth = zeros / cutoff; // in input samples
        for (int n = 0; n < y.length; n++) {
            double t = n / ratio; // position in input samples
            int lo = (int) Math.ceil(t - halfWidth), hi = (int) Math.floor(t + halfWidth);
            double s = 0;
            for (int i = Math.max(0, lo); i <= Math.min(x.length - 1, hi); i++) {
                double d = i - t;
                double arg = Math.PI * cutoff * d;
                double sinc = Math.abs(arg) < 1e-12 ? 1 : Math.sin(arg) / arg;
                double w = 0.5 + 0.5 * Math.cos(Math.PI * d / halfWidth);
                s += x[i] * cutoff * sinc * w;
            }
            y[n] = (float) s;
        }
        return y;
    }
}
