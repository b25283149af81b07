package org.sonemo.audio;

import java.util.Objects;

/**
 * Decoded audio: 32-bit float samples in [-1, 1], interleaved by channel, at a sample rate.
 * The array is owned by the buffer once constructed; callers must not change it afterwards.
 *
 * @param samples    interleaved samples, {@code frames() * channels} values
 * @param sampleRate samples per second per channel
 * @param channels   number of interleaved channels (1 or more)
 */
public record AudioBuffer(float[] samples, int sampleRate, int channels) {

    public AudioBuffer {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        if (channels <= 0) throw new IllegalArgumentException("channel count must be positive: " + channels);
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not divide into " + channels + " channels");
        }
    }

    /** A mono buffer. */
    public static AudioBuffer mono(float[] samples, int sampleRate) {
        return new AudioBuffer(samples, sampleRate, 1);
    }

    /** Sample frames (one sample per channel each). */
    public int frames() {
        return samples.length / channels;
    }

    public double durationSeconds() {
        return (double) frames() / sampleRate;
    }

    /** The average of all channels; this buffer itself when it is already mono. */
    public AudioBuffer mixDown() {
        if (channels == 1) return this;
        int n = frames();
        float[] out = new float[n];
        float scale = 1f / channels;
        for (int i = 0, k = 0; i < n; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) sum += samples[k++];
            out[i] = sum * scale;
        }
        return new AudioBuffer(out, sampleRate, 1);
    }

    /** One channel as a mono buffer. */
    public AudioBuffer channel(int index) {
        if (index < 0 || index >= channels) {
            throw new IndexOutOfBoundsException("channel " + index + " of " + channels);
        }
        if (channels == 1) return this;
        int n = frames();
        float[] out = new float[n];
        for (int i = 0, k = index; i < n; i++, k += channels) out[i] = samples[k];
        return new AudioBuffer(out, sampleRate, 1);
    }
}
