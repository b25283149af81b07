package org.sonemo.egemaps;

import org.sonemo.dsp.Framing;
import org.sonemo.dsp.RealFft;
import org.sonemo.dsp.Windows;

/** The voice group of eGeMAPS v02 on 60 ms Gaussian frames (F0, voice quality) and formants. */
final class VoiceLlds {
    static final double RMS_GATE = 0.001;
    private static final int[][] FORMANT_COLS = {{EgemapsAnalyzer.F1, EgemapsAnalyzer.F1BW, EgemapsAnalyzer.F1AMP},
            {EgemapsAnalyzer.F2, EgemapsAnalyzer.F2BW, EgemapsAnalyzer.F2AMP},
            {EgemapsAnalyzer.F3, EgemapsAnalyzer.F3BW, EgemapsAnalyzer.F3AMP}};
    private final int sampleRate, frameLength, hop, fftSize, bins;
    private final double[] window, frame, mag;
    private final RealFft fft;
    private final PitchShs shs;
    private final VoiceQuality vq;
    private final Formants formants;
    private final double[] js = new double[2], harm = new double[5];

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
        vq = new VoiceQuality(sampleRate, fftSize);
        formants = new Formants(sampleRate);
    }

    /**
     * Fills out[15][n60]; returns the trailing frames openSMILE's online Viterbi decoder had not
     * decided at end of input ({@link PitchViterbi#smooth(double[][], double[][], int[], int, double[])}).
     */
    int analyze(float[] x, int n60, double[][] out) {
        vq.breakPeriodChain();
        for (double[] col : out) java.util.Arrays.fill(col, 0, n60, 0.0);
        double[][] cf = new double[n60][PitchShs.MAX_CANDIDATES];
        double[][] cv = new double[n60][PitchShs.MAX_CANDIDATES];
        int[] cn = new int[n60];
        boolean[] quiet = new boolean[n60];
        for (int t = 0; t < n60; t++) {
            Framing.frame(x, t, hop, window, frame);
            double e = 0;
            for (int i = 0; i < frameLength; i++) e += frame[i] * frame[i];
            quiet[t] = Math.sqrt(e / frameLength) < RMS_GATE;
            RealFft.magnitude(fft.forward(frame, frameLength), fftSize, mag);
            shs.analyze(mag);
            System.arraycopy(shs.candF0, 0, cf[t], 0, PitchShs.MAX_CANDIDATES);
            System.arraycopy(shs.candVoicing, 0, cv[t], 0, PitchShs.MAX_CANDIDATES);
            cn[t] = shs.candidates;
        }
        double[] f0 = new double[n60];
        int undecided = PitchViterbi.smooth(cf, cv, cn, n60, f0);
        for (int t = 0; t < n60; t++) {
            if (quiet[t]) f0[t] = 0;
            out[EgemapsAnalyzer.F0][t] = f0[t] > 0 ? 12 * PitchShs.log2(f0[t] / 27.5) : 0;
            // formants (20 ms frame t): frequency and bandwidth kept in unvoiced frames too
            formants.frame(x, t);
            for (int i = 0; i < 3; i++) {
                out[FORMANT_COLS[i][0]][t] = i < formants.found ? formants.freq[i] : 0;
                out[FORMANT_COLS[i][1]][t] = i < formants.found ? formants.bw[i] : 0;
                out[FORMANT_COLS[i][2]][t] = -201;
            }
            if (f0[t] <= 0) {
                vq.breakPeriodChain();
                continue;
            }
            // voiced: the frame's spectrum again (cheaper than keeping every frame's spectrum)
            Framing.frame(x, t, hop, window, frame);
            double[] packed = fft.forward(frame, frameLength);
            RealFft.magnitude(packed, fftSize, mag);
            out[EgemapsAnalyzer.HNR][t] = vq.hnr(packed, f0[t]);
            vq.harmonicDifferences(mag, f0[t], formants.freq, formants.found, harm);
            out[EgemapsAnalyzer.H1H2][t] = harm[0];
            out[EgemapsAnalyzer.H1A3][t] = harm[1];
            for (int i = 0; i < 3; i++) out[FORMANT_COLS[i][2]][t] = harm[2 + i];
            vq.jitterShimmer(x, t, hop, f0[t], js);
            out[EgemapsAnalyzer.JITTER][t] = js[0];
            out[EgemapsAnalyzer.SHIMMER][t] = js[1];
        }
        return undecided;
    }
}
