package org.sonemo.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FramingAndResamplerTest {
    @ParameterizedTest
    @CsvSource({"16000,320,160,0,0", "16000,320,160,319,0", "16000,320,160,320,1", "16000,320,160,16000,99",
            "48000,2880,480,84800,171"})
    void countsFullFramesOnly(int rate, int len, int hop, int n, int frames) {
        assertEquals(frames, Framing.count(n, len, hop));
    }

    @Test
    void nextPowerOfTwo() {
        assertEquals(512, Framing.nextPowerOfTwo(320));
        assertEquals(1024, Framing.nextPowerOfTwo(882));
        assertEquals(1024, Framing.nextPowerOfTwo(1024));
        assertEquals(4096, Framing.nextPowerOfTwo(2880));
    }

    @ParameterizedTest
    @CsvSource({"48000,16000,1000", "44100,16000,440", "16000,48000,3000"})
    void resamplingKeepsAToneAndSilence(int from, int to, double hz) {
        int n = from / 2;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / from));
        float[] y = Resampler.resample(x, from, to);
        assertEquals((long) Math.floor((double) n * to / from), y.length);
        for (int i = y.length / 4; i < 3 * y.length / 4; i++) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * hz * i / to), y[i], 2e-3);
        }
        for (float v : Resampler.resample(new float[n], from, to)) assertEquals(0, v);
    }
}
