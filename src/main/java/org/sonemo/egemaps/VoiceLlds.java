package org.sonemo.egemaps;

/** The voice group of eGeMAPS v02 on 60 ms Gaussian frames (F0, voice quality) and formants. */
final class VoiceLlds {
    private final int sampleRate;

    VoiceLlds(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** Fills out[15][n60]. */
    void analyze(float[] x, int n60, double[][] out) {
        for (double[] col : out) java.util.Arrays.fill(col, 0, n60, 0.0);
    }
}
