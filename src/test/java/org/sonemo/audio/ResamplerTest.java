package org.sonemo.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Resampling 44.1 kHz to 16 kHz. Tolerances: a passband tone keeps its frequency within 0.01 Hz
 * and its amplitude within 0.01 dB; a tone above the new Nyquist frequency comes out at least
 * 100 dB down (swresample with our settings measures about -130 dB at 10 kHz).
 */
class ResamplerTest {
    private static final int IN = 44100, OUT = 16000;

    private static float[] tone(double freq, double amp, int rate, int frames, int channels) {
        float[] x = new float[frames * channels];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                x[i * channels + c] = (float) (amp * Math.sin(2 * Math.PI * freq * i / rate + c));
            }
        }
        return x;
    }

    /** Amplitude of the sinusoid at {@code freq} by least squares over the middle 80 % (no edge effects). */
    private static double amplitudeAt(float[] y, int rate, double freq) {
        int skip = y.length / 10;
        double s = 0, c = 0, ss = 0, cc = 0;
        for (int i = skip; i < y.length - skip; i++) {
            double w = 2 * Math.PI * freq * i / rate;
            s += y[i] * Math.sin(w);
            c += y[i] * Math.cos(w);
            ss += Math.sin(w) * Math.sin(w);
            cc += Math.cos(w) * Math.cos(w);
        }
        return Math.hypot(s / ss, c / cc);
    }

    private static double rms(float[] y) {
        int skip = y.length / 10;
        double sum = 0;
        for (int i = skip; i < y.length - skip; i++) sum += (double) y[i] * y[i];
        return Math.sqrt(sum / (y.length - 2 * skip));
    }

    /** Frequency from the spacing of the first and last upward zero crossings (sub-sample interpolated). */
    private static double zeroCrossingFrequency(float[] y, int rate) {
        double first = -1, last = -1;
        int count = 0;
        for (int i = y.length / 10; i < y.length * 9 / 10; i++) {
            if (y[i - 1] < 0 && y[i] >= 0) {
                double t = i - 1 + y[i - 1] / (double) (y[i - 1] - y[i]);
                if (first < 0) first = t;
                else count++;
                last = t;
            }
        }
        return count * rate / (last - first);
    }

    @Test
    void passbandToneKeepsFrequencyAndAmplitude() {
        for (double f : new double[] {1000, 100, 3000, 6000}) {
            AudioBuffer out = AudioFiles.resample(AudioBuffer.mono(tone(f, 0.5, IN, 2 * IN, 1), IN), OUT);
            assertEquals(OUT, out.sampleRate());
            assertEquals(2 * OUT, out.frames(), "exactly round(frames * 16000 / 44100) frames");
            double db = 20 * Math.log10(amplitudeAt(out.samples(), OUT, f) / 0.5);
            assertEquals(0, db, 0.01, f + " Hz amplitude change in dB");
            assertEquals(0, 20 * Math.log10(rms(out.samples()) / (0.5 / Math.sqrt(2))), 0.01, f + " Hz RMS change in dB");
            if (f == 1000) assertEquals(1000, zeroCrossingFrequency(out.samples(), OUT), 0.01);
        }
    }

    @Test
    void toneAboveTheNewNyquistIsRemoved() {
        for (double f : new double[] {8500, 10000, 15000, 20000}) {
            AudioBuffer out = AudioFiles.resample(AudioBuffer.mono(tone(f, 0.5, IN, 2 * IN, 1), IN), OUT);
            double db = 20 * Math.log10(rms(out.samples()) / (0.5 / Math.sqrt(2)));
            System.out.printf("resampled %.0f Hz tone: %.1f dB%n", f, db);
            assertTrue(db < -100, f + " Hz leaks through at " + db + " dB");
        }
    }

    @Test
    void timingIsPreservedAndChannelsKept() {
        float[] x = new float[IN * 2];
        x[IN] = 1; // left-channel impulse at 0.5 s
        x[IN + 1 + 2 * 1000] = 1; // right channel, 1000 frames later
        AudioBuffer out = AudioFiles.resample(new AudioBuffer(x, IN, 2), OUT);
        assertEquals(2, out.channels());
        assertEquals(OUT / 2, argMax(out.channel(0).samples()), "impulse at 0.5 s stays at 0.5 s");
        assertEquals(Math.round((IN / 2 + 1000) * (double) OUT / IN), argMax(out.channel(1).samples()));
        // upsampling back keeps a tone too
        AudioBuffer up = AudioFiles.resample(AudioBuffer.mono(tone(440, 0.25, OUT, OUT, 1), OUT), 48000);
        assertEquals(48000, up.frames());
        assertEquals(0, 20 * Math.log10(amplitudeAt(up.samples(), 48000, 440) / 0.25), 0.01);
    }

    @Test
    void sameRateIsANoOpAndBadRatesAreRejected() {
        AudioBuffer b = AudioBuffer.mono(new float[] {0.1f, 0.2f}, 8000);
        assertSame(b, AudioFiles.resample(b, 8000));
        try {
            AudioFiles.resample(b, 0);
            throw new AssertionError("rate 0 accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("0"));
        }
    }

    private static int argMax(float[] y) {
        int best = 0;
        for (int i = 1; i < y.length; i++) if (Math.abs(y[i]) > Math.abs(y[best])) best = i;
        return best;
    }
}
