package org.sonemo.dsp;

/** Framing of a signal into full frames that start at sample 0 and advance by a hop. */
public final class Framing {
    private Framing() {
    }

    /** Number of full frames of {@code frameLength} samples, hop {@code hop}, in {@code n} samples. */
    public static int count(int n, int frameLength, int hop) {
        if (n < frameLength) return 0;
        return (n - frameLength) / hop + 1;
    }

    /** Copies frame {@code index} of {@code x} into {@code out[0..frameLength)}, multiplied by {@code window}. */
    public static void frame(float[] x, int index, int hop, double[] window, double[] out) {
        int start = index * hop;
        for (int i = 0; i < window.length; i++) out[i] = x[start + i] * window[i];
    }

    /** Smallest power of two that is at least {@code n}. */
    public static int nextPowerOfTwo(int n) {
        int p = 1;
        while (p < n) p <<= 1;
        return p;
    }
}
