package org.sonemo.dsp;

/**
 * Triangular filterbank on the mel scale mel(f) = 1127 ln(1 + f/700). Band b spans centre
 * frequencies c[b-1]..c[b+1] of nBands + 2 points equally spaced in mel between lo and hi;
 * each FFT bin gets a weight that rises linearly in mel from the left edge to the centre and
 * falls to the right edge. Sparse: each band stores its first bin and weights.
 */
public final class MelFilterbank {
    private final int nBands;
    private final int[] first;
    private final double[][] weights;
    private final double[] centreHz;

    public static double mel(double f) {
        return 1127.0 * Math.log(1.0 + f / 700.0);
    }

    public static double melInverse(double m) {
        return 700.0 * (Math.exp(m / 1127.0) - 1.0);
    }

    /**
     * @param nBands number of bands
     * @param lo     lowest edge in Hz
     * @param hi     highest edge in Hz (clipped to Nyquist)
     * @param fftSize FFT length (bins 0..fftSize/2)
     * @param sampleRate sample rate in Hz
     */
    public MelFilterbank(int nBands, double lo, double hi, int fftSize, double sampleRate) {
        this(nBands, lo, hi, fftSize, sampleRate, false);
    }

    /**
     * @param htkBins restrict the bins to HTK's range: from bin (int)(lo/df + 1.5) (never DC) to
     *                bin (int)(hi/df + 0.5) - 1, as openSMILE's filterbanks do (observed:
     *                at 16 kHz the 31.25 Hz bin is left out of the first band)
     */
    public MelFilterbank(int nBands, double lo, double hi, int fftSize, double sampleRate, boolean htkBins) {
        this.nBands = nBands;
        double nyq = sampleRate / 2;
        if (hi > nyq) hi = nyq;
        double mlo = mel(lo), mhi = mel(hi);
        double[] cm = new double[nBands + 2];
        for (int i = 0; i < nBands + 2; i++) cm[i] = mlo + (mhi - mlo) * i / (nBands + 1);
        centreHz = new double[nBands];
        for (int b = 0; b < nBands; b++) centreHz[b] = melInverse(cm[b + 1]);
        double df = sampleRate / fftSize;
        int bins = fftSize / 2 + 1;
        int kMin = 0, kMax = bins - 1;
        if (htkBins) {
            kMin = Math.max(1, (int) (lo / df + 2.5) - 1);
            kMax = Math.min(fftSize / 2, (int) (hi / df + 0.5)) - 1;
        }
        first = new int[nBands];
        weights = new double[nBands][];
        for (int b = 0; b < nBands; b++) {
            double l = cm[b], c = cm[b + 1], r = cm[b + 2];
            int k0 = -1, k1 = -1;
            double[] tmp = new double[bins];
            for (int k = kMin; k <= kMax; k++) {
                double m = mel(k * df);
                double w = 0;
                if (m > l && m <= c) w = (m - l) / (c - l);
                else if (m > c && m < r) w = (r - m) / (r - c);
                if (w > 0) {
                    if (k0 < 0) k0 = k;
                    k1 = k;
                    tmp[k] = w;
                }
            }
            if (k0 < 0) {
                first[b] = 0;
                weights[b] = new double[0];
            } else {
                first[b] = k0;
                weights[b] = java.util.Arrays.copyOfRange(tmp, k0, k1 + 1);
            }
        }
    }

    public int bands() {
        return nBands;
    }

    /** Centre frequency of band b in Hz. */
    public double centreHz(int b) {
        return centreHz[b];
    }

    /** out[b] = sum_k w_b(k) spec[k]. */
    public void apply(double[] spec, double[] out) {
        for (int b = 0; b < nBands; b++) {
            double[] w = weights[b];
            int k0 = first[b];
            double s = 0;
            for (int i = 0; i < w.length; i++) s += w[i] * spec[k0 + i];
            out[b] = s;
        }
    }
}
