package org.sonemo.testing;

import org.sonemo.audio.AudioBuffer;

import java.util.Random;

/** Deterministic test signals. */
public final class Signals {
    private Signals() {
    }

    /** A vowel-like harmonic tone with vibrato plus a little noise: voiced enough for F0 trackers. */
    public static AudioBuffer voiced(double seconds, int rate, double f0, long seed) {
        int n = (int) Math.round(seconds * rate);
        float[] x = new float[n];
        Random r = new Random(seed);
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double f = f0 * (1 + 0.02 * Math.sin(2 * Math.PI * 5 * t));
            phase += 2 * Math.PI * f / rate;
            double v = 0;
            for (int h = 1; h <= 8; h++) v += Math.sin(h * phase) / h;
            double envelope = 0.3 * (0.6 + 0.4 * Math.sin(2 * Math.PI * 1.5 * t));
            x[i] = (float) (envelope * v + 0.005 * r.nextGaussian());
        }
        return AudioBuffer.mono(x, rate);
    }

    public static AudioBuffer noise(double seconds, int rate, double sigma, long seed) {
        int n = (int) Math.round(seconds * rate);
        float[] x = new float[n];
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) x[i] = (float) (sigma * r.nextGaussian());
        return AudioBuffer.mono(x, rate);
    }
}
