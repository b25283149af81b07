package org.sonemo.features;

import org.sonemo.audio.AudioBuffer;

/** The input rules every engine applies before extracting: one definition of usable audio. */
public final class InputChecks {
    private InputChecks() {
    }

    public static final int MIN_RATE = 8_000;
    public static final int MAX_RATE = 192_000;

    /**
     * Throws {@link ExtractionException} for empty audio, a rate outside 8-192 kHz, or a NaN or
     * infinite sample (named by frame and channel).
     */
    public static void requireUsable(AudioBuffer audio) {
        if (audio.frames() == 0) throw new ExtractionException("empty audio: no samples");
        int rate = audio.sampleRate();
        if (rate < MIN_RATE || rate > MAX_RATE) {
            throw new ExtractionException("sample rate " + rate + " Hz is outside the supported "
                    + MIN_RATE + "-" + MAX_RATE + " Hz; resample first (extract --rate)");
        }
        float[] s = audio.samples();
        for (int i = 0; i < s.length; i++) {
            if (!Float.isFinite(s[i])) {
                throw new ExtractionException("non-finite sample (" + s[i] + ") at frame " + (i / audio.channels())
                        + (audio.channels() > 1 ? ", channel " + (i % audio.channels()) : ""));
            }
        }
    }
}
