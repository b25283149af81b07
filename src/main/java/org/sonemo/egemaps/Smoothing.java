package org.sonemo.egemaps;

/**
 * openSMILE's 3-frame moving-average contour smoother as observed in eGeMAPS v02 output
 * (n input frames give n + 1 output frames):
 * <ul>
 *   <li>y[i] = mean(x[i-1], x[i], x[i+1]) for 0 &lt; i &lt; n-2, the first frame repeating
 *       itself as its missing left neighbour;</li>
 *   <li>y[n-2] = mean(x[n-3], x[n-2], x[n-2]) (the stream is closed one frame early);</li>
 *   <li>y[n-1] = x[n-2] and y[n] = x[n-1]: the last two frames come out unsmoothed, shifted by one.</li>
 * </ul>
 * The {@code nz} variant leaves zero frames at zero and leaves zeros out of every average.
 * Functionals are computed on {@link #plain} instead.
 */
final class Smoothing {
    private Smoothing() {
    }

    static double[] sma3(double[] x, int n) {
        return smooth(x, n, false);
    }

    /**
     * The plain centred average over x[0..n) with edge repetition, n outputs: what the
     * functionals see (they never see the shifted tail of the frame-level output).
     */
    static double[] plain(double[] x, int n, boolean nz) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = x[Math.max(0, i - 1)], b = x[i], c = x[Math.min(n - 1, i + 1)];
            y[i] = nz ? meanNz(a, b, c) : (a + b + c) / 3.0;
        }
        return y;
    }

    static double[] sma3nz(double[] x, int n) {
        return smooth(x, n, true);
    }

    private static double[] smooth(double[] x, int n, boolean nz) {
        double[] y = new double[n + 1];
        if (n == 0) return y;
        if (n == 1) {
            y[0] = x[0];
            y[1] = x[0];
            return y;
        }
        int m = n - 1; // frames smoothed with edge repetition: x[0..m)
        for (int i = 0; i < m; i++) {
            double a = x[Math.max(0, i - 1)], b = x[i], c = x[Math.min(m - 1, i + 1)];
            y[i] = nz ? meanNz(a, b, c) : (a + b + c) / 3.0;
        }
        y[n - 1] = x[n - 2];
        y[n] = x[n - 1];
        return y;
    }

    private static double meanNz(double a, double b, double c) {
        if (b == 0) return 0;
        double s = b;
        int k = 1;
        if (a != 0) {
            s += a;
            k++;
        }
        if (c != 0) {
            s += c;
            k++;
        }
        return s / k;
    }
}
