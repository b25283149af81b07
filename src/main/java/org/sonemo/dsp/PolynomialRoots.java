package org.sonemo.dsp;

/**
 * Complex roots of a real polynomial c[0] z^p + c[1] z^(p-1) + ... + c[p] by the Aberth-Ehrlich
 * simultaneous iteration (cubic convergence, no deflation error), in preallocated buffers.
 */
public final class PolynomialRoots {
    private final int degree;
    private final double[] re, im, c;

    public PolynomialRoots(int degree) {
        this.degree = degree;
        re = new double[degree];
        im = new double[degree];
        c = new double[degree + 1];
    }

    public double[] re() {
        return re;
    }

    public double[] im() {
        return im;
    }

    /** Solves for coefficients {@code coeffs[0..degree]} (leading first, coeffs[0] != 0); returns the number of roots. */
    public int solve(double[] coeffs) {
        int p = degree;
        double lead = coeffs[0];
        for (int i = 0; i <= p; i++) c[i] = coeffs[i] / lead;
        // initial guesses on a circle of the Cauchy-like radius, rotated off the real axis
        double rad = 0;
        for (int i = 1; i <= p; i++) rad = Math.max(rad, Math.pow(Math.abs(c[i]), 1.0 / i));
        if (rad == 0) rad = 1;
        for (int i = 0; i < p; i++) {
            double ang = 2 * Math.PI * i / p + 0.4;
            re[i] = rad * Math.cos(ang);
            im[i] = rad * Math.sin(ang);
        }
        for (int iter = 0; iter < 500; iter++) {
            double maxStep = 0;
            for (int i = 0; i < p; i++) {
                // p(z) and p'(z) by Horner
                double zr = re[i], zi = im[i];
                double pr = c[0], pi = 0, dr = 0, di = 0;
                for (int k = 1; k <= p; k++) {
                    double ndr = dr * zr - di * zi + pr, ndi = dr * zi + di * zr + pi;
                    dr = ndr;
                    di = ndi;
                    double npr = pr * zr - pi * zi + c[k], npi = pr * zi + pi * zr;
                    pr = npr;
                    pi = npi;
                }
                // ratio = p / p'
                double den = dr * dr + di * di;
                if (den == 0 && pr == 0 && pi == 0) continue;
                double rr, ri;
                if (den == 0) {
                    rr = 1e-8;
                    ri = 0;
                } else {
                    rr = (pr * dr + pi * di) / den;
                    ri = (pi * dr - pr * di) / den;
                }
                // sum 1/(z_i - z_j)
                double sr = 0, si = 0;
                for (int j = 0; j < p; j++) {
                    if (j == i) continue;
                    double ar = zr - re[j], ai = zi - im[j];
                    double d2 = ar * ar + ai * ai;
                    if (d2 == 0) continue;
                    sr += ar / d2;
                    si += -ai / d2;
                }
                // w = ratio / (1 - ratio * s)
                double br = 1 - (rr * sr - ri * si), bi = -(rr * si + ri * sr);
                double bd = br * br + bi * bi;
                double wr = (rr * br + ri * bi) / bd, wi = (ri * br - rr * bi) / bd;
                re[i] = zr - wr;
                im[i] = zi - wi;
                double step = Math.hypot(wr, wi) / Math.max(1e-300, Math.hypot(re[i], im[i]) + 1e-300);
                if (step > maxStep) maxStep = step;
            }
            if (maxStep < 1e-14) break;
        }
        return p;
    }
}
