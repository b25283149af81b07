package org.sonemo.egemaps;

import org.sonemo.dsp.Framing;
import org.sonemo.dsp.RealFft;
import org.sonemo.dsp.Windows;

/** The voice group of eGeMAPS v02 on 60 ms Gaussian frames (F0, voice quality) and formants. */
final class VoiceLlds {
    static final double RMS_GATE = 0.001;
    private final int sampleRate, frameLength, hop, fftSize, bins;
    private final double[] window, frame, mag;
    private final RealFft fft;
    private final PitchShs shs;

    VoiceLlds(int sampleRate) {
        this.sampleRate = sampleRate;
        frameLength = (int) Math.round(0.060 * sampleRate);
        hop = (int) Math.round(0.010 * sampleRate);
        fftSize = Framing.nextPowerOfTwo(frameLength);
        bins = fftSize / 2 + 1;
        window = Windows.gaussian(frameLength, 0.4);
        frame = new double[frameLength];
        mag = new double[bins];
        fft = new RealFft(fftSize);
        shs = new PitchShs(fftSize, sampleRate);
    }

    /** Fills out[15][n60]. */
    void analyze(float[] x, int n60, double[][] out) {
        for (double[] col : out) java.util.Arrays.fill(col, 0, n60, 0.0);
        double[][] cf = new double[n60][PitchShs.MAX_CANDIDATES];
        double[][] cv = new double[n60][PitchShs.MAX_CANDIDATES];
        boolean[] quiet = new boolean[n60];
        double[][] mags = new double[n60][];
        for (int t = 0; t < n60; t++) {
            Framing.frame(x, t, hop, window, frame);
            double e = 0;
            for (int i = 0; i < frameLength; i++) e += frame[i] * frame[i];
            quiet[t] = Math.sqrt(e / frameLength) < RMS_GATE;
            RealFft.magnitude(fft.forward(frame, frameLength), fftSize, mag);
            mags[t] = mag.clone();
            shs.analyze(mag);
            System.arraycopy(shs.candF0, 0, cf[t], 0, PitchShs.MAX_CANDIDATES);
            System.arraycopy(shs.candVoicing, 0, cv[t], 0, PitchShs.MAX_CANDIDATES);
        }
        double[] f0 = new double[n60];
        PitchViterbi.smooth(cf, cv, n60, f0);
        for (int t = 0; t < n60; t++) {
            if (quiet[t]) f0[t] = 0;
            out[EgemapsAnalyzer.F0][t] = f0[t] > 0 ? 12 * PitchShs.log2(f0[t] / 27.5) : 0;
        }
    }
}
