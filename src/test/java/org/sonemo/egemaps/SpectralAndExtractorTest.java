package org.sonemo.egemaps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonemo.audio.AudioBuffer;
import org.sonemo.features.Engine;
import org.sonemo.features.ExtractionException;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputScale;
import org.sonemo.features.Level;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectralAndExtractorTest {
    static ExtractorSpec java(Level level) {
        return new ExtractorSpec(FeatureSet.EGEMAPS_V02, level, Engine.JAVA, InputScale.UNITY);
    }

    @Test
    void digitalSilenceGivesOpenSmilesFloorValues() {
        // openSMILE 3.0.2 on the silent lead-in of TAVA s01_happy (48 kHz): loudness 0.0010339657,
        // slope0-500 0.16459852 and slope500-1500 0.02863452 (the regression-count quirk), the rest 0
        SpectralLlds s = new SpectralLlds(48000);
        double[] out = new double[SpectralLlds.COUNT];
        s.frame(new float[4800], 0, out);
        assertEquals(0.0010339657, out[SpectralLlds.LOUDNESS], 1e-9);
        assertEquals(0.16459852, out[SpectralLlds.SLOPE0_500], 1e-7);
        assertEquals(0.02863452, out[SpectralLlds.SLOPE500_1500], 1e-7);
        for (int j : new int[]{SpectralLlds.ALPHA, SpectralLlds.HAMMARBERG, SpectralLlds.FLUX, 6, 7, 8, 9}) assertEquals(0, out[j], 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {16000, 44100, 48000})
    void alphaRatioAndHammarbergFollowWhereAToneSits(int rate) {
        SpectralLlds s = new SpectralLlds(rate);
        double[] low = new double[SpectralLlds.COUNT], high = new double[SpectralLlds.COUNT];
        s.frame(tone(rate, 300, 0.1), 2, low);
        s.frame(tone(rate, 3000, 0.1), 2, high);
        assertTrue(low[SpectralLlds.ALPHA] < -20, "300 Hz: " + low[SpectralLlds.ALPHA]);
        assertTrue(high[SpectralLlds.ALPHA] > 20, "3 kHz: " + high[SpectralLlds.ALPHA]);
        assertTrue(low[SpectralLlds.HAMMARBERG] > 20 && high[SpectralLlds.HAMMARBERG] < -20);
    }

    @Test
    void whiteNoiseAlphaRatioIsTheBandwidthRatio() {
        int rate = 16000;
        Random r = new Random(7);
        float[] x = new float[rate];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.1 * r.nextGaussian());
        SpectralLlds s = new SpectralLlds(rate);
        double[] out = new double[SpectralLlds.COUNT];
        double sum = 0;
        int n = s.frames(x.length);
        for (int f = 0; f < n; f++) {
            s.frame(x, f, out);
            sum += out[SpectralLlds.ALPHA];
        }
        // bins 1..5 kHz vs 0..<1 kHz: 129 vs 32 bins of equal expected power at 16 kHz / 512
        assertEquals(10 * Math.log10(129.0 / 32), sum / n, 0.3);
    }

    @ParameterizedTest
    @ValueSource(ints = {16000, 48000})
    void lldRowsFollowTheSixtyMillisecondFrameCountPlusOne(int rate) {
        int n = rate + 123;
        try (Extractor ex = Extractor.open(java(Level.LLD))) {
            FeatureTable t = ex.extract(AudioBuffer.mono(tone(rate, 200, 0.2, n), rate));
            int frame20 = rate / 50, hop = rate / 100;
            assertEquals((n - 3 * frame20) / hop + 2, t.rows());
            assertEquals(EgemapsNames.LLD, t.names());
            assertEquals(0.01, t.starts()[1], 1e-12);
        }
    }

    @Test
    void aHarmonicComplexGetsItsPitch() {
        int rate = 16000;
        float[] x = new float[rate];
        double f0 = 150;
        for (int i = 0; i < x.length; i++) {
            double v = 0;
            for (int h = 1; h <= 20; h++) v += Math.sin(2 * Math.PI * h * f0 * i / rate) / h;
            x[i] = (float) (0.1 * v);
        }
        try (Extractor ex = Extractor.open(java(Level.LLD))) {
            FeatureTable t = ex.extract(AudioBuffer.mono(x, rate));
            int c = t.column("F0semitoneFrom27.5Hz_sma3nz");
            double want = 12 * Math.log(f0 / 27.5) / Math.log(2);
            for (int r = 5; r < t.rows() - 5; r++) assertEquals(want, t.get(r, c), 0.1, "frame " + r);
        }
    }

    @Test
    void silenceIsUnvoicedEverywhere() {
        try (Extractor ex = Extractor.open(java(Level.FUNCTIONALS))) {
            FeatureTable t = ex.extract(AudioBuffer.mono(new float[16000], 16000));
            assertEquals(88, t.columns());
            assertEquals(0, t.get(0, t.column("F0semitoneFrom27.5Hz_sma3nz_amean")));
            assertEquals(0, t.get(0, t.column("VoicedSegmentsPerSec")));
        }
    }

    @Test
    void rejectsOtherSetsLevelsAndShortOrBrokenInput() {
        assertThrows(ExtractionException.class, () -> Extractor.open(
                new ExtractorSpec(FeatureSet.COMPARE_2016, Level.FUNCTIONALS, Engine.JAVA, InputScale.UNITY)));
        assertThrows(IllegalArgumentException.class, () -> java(Level.LLD_DELTAS)); // eGeMAPS has no deltas
        try (Extractor ex = Extractor.open(java(Level.FUNCTIONALS))) {
            assertThrows(ExtractionException.class, () -> ex.extract(AudioBuffer.mono(new float[900], 16000)));
            float[] bad = new float[16000];
            bad[5] = Float.NaN;
            assertThrows(ExtractionException.class, () -> ex.extract(AudioBuffer.mono(bad, 16000)));
        }
    }

    static float[] tone(int rate, double hz, double amp) {
        return tone(rate, hz, amp, rate / 10);
    }

    static float[] tone(int rate, double hz, double amp, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        return x;
    }
}
