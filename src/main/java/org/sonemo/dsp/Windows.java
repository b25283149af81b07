package org.sonemo.dsp;

/** Analysis windows, as arrays of {@code n} coefficients. */
public final class Windows {
    private Windows() {
    }

    /** Hamming: 0.54 - 0.46 cos(2 pi i / (n - 1)). */
    public static double[] hamming(int n) {
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1;
            return w;
        }
        for (int i = 0; i < n; i++) w[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (n - 1));
        return w;
    }

    /** Gaussian: exp(-0.5 ((i - (n-1)/2) / (sigma (n-1)/2))^2). */
    public static double[] gaussian(int n, double sigma) {
        double[] w = new double[n];
        double half = (n - 1) / 2.0;
        if (n == 1) {
            w[0] = 1;
            return w;
        }
        for (int i = 0; i < n; i++) {
            double t = (i - half) / (sigma * half);
            w[i] = Math.exp(-0.5 * t * t);
        }
        return w;
    }
}
