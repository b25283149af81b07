package org.sonemo.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FramingTest {
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
}
