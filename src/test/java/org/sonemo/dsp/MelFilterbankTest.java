package org.sonemo.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MelFilterbankTest {
    @Test
    void melScaleRoundTripsAndHas1000HzNear1000Mel() {
        for (double f : new double[]{0, 20, 440, 1000, 8000}) assertEquals(f, MelFilterbank.melInverse(MelFilterbank.mel(f)), 1e-9);
        assertEquals(1000, MelFilterbank.mel(1000), 1.0);
    }

    @ParameterizedTest
    @CsvSource({"512,16000", "1024,44100", "1024,48000", "256,8000"})
    void centresRiseEvenlyInMelAndEveryBandSeesAFlatSpectrum(int fft, int rate) {
        MelFilterbank fb = new MelFilterbank(26, 20, 8000, fft, rate);
        double[] flat = new double[fft / 2 + 1];
        java.util.Arrays.fill(flat, 1);
        double[] out = new double[26];
        fb.apply(flat, out);
        double step = MelFilterbank.mel(fb.centreHz(1)) - MelFilterbank.mel(fb.centreHz(0));
        for (int b = 1; b < 26; b++) {
            assertEquals(step, MelFilterbank.mel(fb.centreHz(b)) - MelFilterbank.mel(fb.centreHz(b - 1)), 1e-9);
        }
        // a band at least one bin wide collects weight; at low rates the lowest bands may fall between bins
        for (int b = 6; b < 26 && fb.centreHz(b) < rate / 2.0; b++) assertTrue(out[b] > 0, "band " + b);
    }

    @Test
    void aToneAtABandCentreFeedsThatBandMost() {
        int fft = 1024, rate = 48000;
        MelFilterbank fb = new MelFilterbank(26, 20, 8000, fft, rate);
        double[] spec = new double[fft / 2 + 1];
        int bin = (int) Math.round(fb.centreHz(15) / (rate / (double) fft));
        spec[bin] = 1;
        double[] out = new double[26];
        fb.apply(spec, out);
        int arg = 0;
        for (int b = 1; b < 26; b++) if (out[b] > out[arg]) arg = b;
        assertEquals(15, arg);
        assertTrue(out[15] > 0.9 && out[15] <= 1.0);
    }
}
