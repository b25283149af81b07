package org.sonemo.dsp;

/** Linear prediction by the autocorrelation method and the Levinson-Durbin recursion. */
public final class Lpc {
    private Lpc() {
    }

    /** Biased autocorrelation r[0..lags] of x[0..n). */
    public static void autocorrelation(double[] x, int n, double[] r, int lags) {
        for (int k = 0; k <= lags; k++) {
            double s = 0;
            for (int i = k; i < n; i++) s += x[i] * x[i - k];
            r[k] = s;
        }
    }

    /**
     * Levinson-Durbin: predictor a[0..p] with a[0] = 1 such that the prediction error filter is
     * A(z) = sum a_k z^-k; {@code tmp} needs p + 1 entries. Returns the final prediction error
     * (0 when r[0] is 0, with a = [1, 0, ...]).
     */
    public static double levinson(double[] r, int p, double[] a, double[] tmp) {
        return levinson(r, p, a, tmp, true);
    }

    /**
     * Levinson-Durbin as above; with {@code stopWhenNotPositive} false the recursion runs to order p
     * even when the prediction error turns negative (an autocorrelation that is not positive
     * definite, e.g. summed in float), stopping only at an error of exactly 0. openSMILE's formant
     * LPC behaves that way.
     */
    public static double levinson(double[] r, int p, double[] a, double[] tmp, boolean stopWhenNotPositive) {
        java.util.Arrays.fill(a, 0, p + 1, 0.0);
        a[0] = 1;
        double err = r[0];
        if (err <= 0) return 0;
        for (int i = 1; i <= p; i++) {
            double acc = r[i];
            for (int j = 1; j < i; j++) acc += a[j] * r[i - j];
            double k = -acc / err;
            System.arraycopy(a, 0, tmp, 0, i);
            for (int j = 1; j < i; j++) a[j] = tmp[j] + k * tmp[i - j];
            a[i] = k;
            err *= (1 - k * k);
            if (err == 0 || (stopWhenNotPositive && err < 0)) {
                err = 0;
                break;
            }
        }
        return err;
    }
}
