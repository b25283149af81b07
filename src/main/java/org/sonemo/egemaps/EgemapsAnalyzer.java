package org.sonemo.egemaps;

import org.sonemo.dsp.Framing;

/**
 * eGeMAPS v02 for one sample rate: frame-level descriptors, smoothing and the 88 functionals.
 * Reusable across inputs of the same rate; not thread-safe.
 */
public final class EgemapsAnalyzer {
    /** Columns of the voice group (60 ms frames), in LLD order after the ten spectral ones. */
    static final int F0 = 0, JITTER = 1, SHIMMER = 2, HNR = 3, H1H2 = 4, H1A3 = 5,
            F1 = 6, F1BW = 7, F1AMP = 8, F2 = 9, F2BW = 10, F2AMP = 11, F3 = 12, F3BW = 13, F3AMP = 14;
    static final int VOICE_COUNT = 15;

    private final int sampleRate;
    private final SpectralLlds spectral;
    private final VoiceLlds voice;
    final int hop, frame60;

    public EgemapsAnalyzer(int sampleRate) {
        if (sampleRate < 8000) throw new IllegalArgumentException("sample rate below 8 kHz: " + sampleRate);
        this.sampleRate = sampleRate;
        spectral = new SpectralLlds(sampleRate);
        voice = new VoiceLlds(sampleRate);
        hop = spectral.hop;
        frame60 = (int) Math.round(0.060 * sampleRate);
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Raw (unsmoothed) descriptors of one input. */
    public static final class Raw {
        /** [10][n20] spectral descriptors. */
        public final double[][] spectral;
        /** [15][n60] voice descriptors (F0 in semitones from 27.5 Hz, 0 when unvoiced). */
        public final double[][] voice;
        public final int n20, n60;
        /**
         * Pitch frames openSMILE's F0-level functionals see: n60 less the trailing frames its online
         * Viterbi decoder had not decided at end of input (n60 - 1 on most inputs).
         */
        public final int pitchFrames;
        /** mean over unwindowed 20 ms frames of the mean square. */
        public final double meanSquare;
        final double hopSeconds;

        Raw(double[][] spectral, double[][] voice, int n20, int n60, int pitchFrames, double meanSquare, double hopSeconds) {
            this.spectral = spectral;
            this.voice = voice;
            this.n20 = n20;
            this.n60 = n60;
            this.pitchFrames = pitchFrames;
            this.meanSquare = meanSquare;
            this.hopSeconds = hopSeconds;
        }
    }

    /** Minimum input length: one 60 ms frame. */
    public int minimumSamples() {
        return frame60;
    }

    /** Raw descriptors of mono samples already scaled as openSMILE would see them. */
    public Raw analyze(float[] x) {
        int n20 = spectral.frames(x.length);
        int n60 = Framing.count(x.length, frame60, hop);
        double[][] spec = new double[SpectralLlds.COUNT][n20];
        double[] row = new double[SpectralLlds.COUNT];
        spectral.reset();
        double msSum = 0;
        int len20 = spectral.frameLength;
        for (int f = 0; f < n20; f++) {
            spectral.frame(x, f, row);
            for (int j = 0; j < SpectralLlds.COUNT; j++) spec[j][f] = row[j];
            double e = 0;
            for (int i = f * hop, end = i + len20; i < end; i++) e += (double) x[i] * x[i];
            msSum += e / len20;
        }
        double[][] v = new double[VOICE_COUNT][n60];
        int undecided = voice.analyze(x, n60, v);
        return new Raw(spec, v, n20, n60, n60 - undecided, n20 == 0 ? 0 : msSum / n20, (double) hop / sampleRate);
    }

    /** Frame-level output: [rows][25] smoothed descriptors, rows = n60 + 1. */
    public double[][] lld(Raw r) {
        int rows = r.n60 + 1;
        double[][] out = new double[rows][25];
        for (int j = 0; j < SpectralLlds.COUNT; j++) {
            double[] s = Smoothing.sma3(r.spectral[j], r.n20);
            for (int i = 0; i < rows && i < s.length; i++) out[i][j] = s[i];
        }
        for (int j = 0; j < VOICE_COUNT; j++) {
            double[] s = Smoothing.sma3nz(r.voice[j], r.n60);
            for (int i = 0; i < rows; i++) out[i][10 + j] = s[i];
        }
        return out;
    }

    /**
     * The 88 functionals in openSMILE's order. Observed frame counts: the 20 ms contours
     * (loudness, flux, MFCC) contribute all n20 smoothed frames; every contour tied to the
     * 60 ms pitch frames contributes its first {@link Raw#pitchFrames} smoothed frames (n60 less
     * the frames the online Viterbi decoder had not decided at end of input; n60 - 1 on most inputs).
     */
    public double[] functionals(Raw r) {
        double[] f = new double[88];
        int k = 0;
        double period = r.hopSeconds;
        int nv = Math.max(0, Math.min(r.pitchFrames, r.n20 - 1));
        double[] voicedMask = r.voice[F0];
        // F0 (voiced only)
        double[] f0s = java.util.Arrays.copyOf(Smoothing.plain(r.voice[F0], r.n60, true), nv);
        k = momentsPercentilesPeaks(f, k, Functionals.nonZero(f0s, nv), period);
        // loudness
        double[] loud = Smoothing.plain(r.spectral[SpectralLlds.LOUDNESS], r.n20, false);
        k = momentsPercentilesPeaks(f, k, loud, period);
        // spectral flux, mfcc 1-4 over all frames
        for (int j = SpectralLlds.FLUX; j < SpectralLlds.MFCC1 + 4; j++) {
            double[] s = Smoothing.plain(r.spectral[j], r.n20, false);
            f[k++] = Functionals.mean(s);
            f[k++] = Functionals.stddevNorm(s);
        }
        // voice quality and formants: non-zero values; formant frequency/bandwidth zeroed when unvoiced
        for (int j = JITTER; j <= F3AMP; j++) {
            double[] src = r.voice[j];
            if (j == F1 || j == F1BW || j == F2 || j == F2BW || j == F3 || j == F3BW) {
                src = src.clone();
                for (int i = 0; i < r.n60; i++) if (!(voicedMask[i] > 1e-6)) src[i] = 0;
            }
            double[] s = Functionals.nonZero(Smoothing.plain(src, r.n60, true), nv);
            f[k++] = Functionals.mean(s);
            f[k++] = Functionals.stddevNorm(s);
        }
        // spectral descriptors in voiced / unvoiced 60 ms frames
        int nj = Math.min(r.n60, r.n20);
        int[] vCols = {SpectralLlds.ALPHA, SpectralLlds.HAMMARBERG, SpectralLlds.SLOPE0_500,
                SpectralLlds.SLOPE500_1500, SpectralLlds.FLUX, SpectralLlds.MFCC1, SpectralLlds.MFCC1 + 1,
                SpectralLlds.MFCC1 + 2, SpectralLlds.MFCC1 + 3};
        double[] tmp = new double[nj];
        for (int c : vCols) {
            for (int i = 0; i < nj; i++) tmp[i] = voicedMask[i] > 1e-6 ? r.spectral[c][i] : 0;
            double[] s = Functionals.nonZero(Smoothing.plain(tmp, nj, true), nv);
            f[k++] = Functionals.mean(s);
            f[k++] = Functionals.stddevNorm(s);
        }
        for (int c = SpectralLlds.ALPHA; c <= SpectralLlds.FLUX; c++) {
            for (int i = 0; i < nj; i++) tmp[i] = voicedMask[i] > 1e-6 ? 0 : r.spectral[c][i];
            double[] s = Functionals.nonZero(Smoothing.plain(tmp, nj, true), nv);
            f[k++] = Functionals.mean(s);
        }
        // temporal
        double seconds = loud.length * period;
        double[] pk = Functionals.peaks(loud, 0.1, period);
        f[k++] = seconds > 0 ? pk[0] / seconds : 0;
        double f0seconds = nv * period;
        double[] vs = Functionals.segments(f0s, true);
        f[k++] = f0seconds > 0 ? vs[0] / f0seconds : 0;
        f[k++] = vs[1] * period;
        f[k++] = vs[2] * period;
        double[] us = Functionals.segments(f0s, false);
        f[k++] = us[1] * period;
        f[k++] = us[2] * period;
        // equivalent sound level
        f[k++] = r.meanSquare > 0 ? 10 * Math.log10(r.meanSquare) : -200;
        assert k == 88 : k;
        return f;
    }

    private static int momentsPercentilesPeaks(double[] f, int k, double[] x, double period) {
        f[k++] = Functionals.mean(x);
        f[k++] = Functionals.stddevNorm(x);
        double[] s = Functionals.sorted(x);
        double p20 = Functionals.percentile(s, 0.2), p50 = Functionals.percentile(s, 0.5), p80 = Functionals.percentile(s, 0.8);
        f[k++] = p20;
        f[k++] = p50;
        f[k++] = p80;
        f[k++] = p80 - p20;
        double[] pk = Functionals.peaks(x, 0.1, period);
        f[k++] = pk[1];
        f[k++] = pk[2];
        f[k++] = pk[3];
        f[k++] = pk[4];
        return k;
    }
}
