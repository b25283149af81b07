package org.sonemo.audio;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads a long file in chunks, so only one chunk (plus one codec frame) is in memory at a time.
 * Obtained from {@link AudioFiles#open}; not thread-safe; close it (try-with-resources) to free the
 * file and FFmpeg's native contexts. The concatenated chunks equal what {@link AudioFiles#read}
 * returns for the same file, and the end-of-file checks (truncation, damaged packets) surface as an
 * {@link AudioFormatException} from the last {@link #read} call.
 */
public final class AudioReader implements Closeable {
    private final ByteSource src;
    private final WavReader.Info wav;
    private final FfmpegDecoder ffmpeg;
    private final FfmpegDecoder.Sink sink;
    private final int sampleRate;
    private final int channels;
    private long nextFrame;

    private AudioReader(ByteSource src, WavReader.Info wav, FfmpegDecoder ffmpeg, FfmpegDecoder.Sink sink) {
        this.src = src;
        this.wav = wav;
        this.ffmpeg = ffmpeg;
        this.sink = sink;
        this.sampleRate = wav != null ? wav.sampleRate() : sink.rate();
        this.channels = wav != null ? wav.channels() : sink.channels();
    }

    /** Takes ownership of {@code src}: closes it on failure and when the reader is closed. */
    static AudioReader open(ByteSource src) throws AudioFormatException {
        try {
            if (AudioFiles.sniff(src).javaWav()) {
                try {
                    return new AudioReader(src, WavReader.parse(src), null, null);
                } catch (WavReader.NotPcm e) {
                    // compressed WAV: FFmpeg below
                }
            }
            FfmpegDecoder d = AudioFiles.ffmpegDecoder(src);
            try {
                FfmpegDecoder.Sink sink = new FfmpegDecoder.Sink(src.name(), 0);
                d.fill(sink, 1); // the first frame fixes the rate and channel count
                return new AudioReader(src, null, d, sink);
            } catch (AudioFormatException | RuntimeException e) {
                d.close();
                throw e;
            }
        } catch (AudioFormatException e) {
            closeQuietly(src);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(src);
            throw new AudioFormatException(src.name(), "cannot read (" + e + ")", e);
        }
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /**
     * The next chunk of at most {@code maxFrames} frames (exactly that many except at the end), or
     * null when the file is exhausted.
     */
    public AudioBuffer read(int maxFrames) throws AudioFormatException {
        if (maxFrames <= 0) throw new IllegalArgumentException("maxFrames must be positive: " + maxFrames);
        if (wav != null) {
            long left = wav.frames() - nextFrame;
            if (left <= 0) return null;
            int n = (int) Math.min(maxFrames, left);
            Limits.checkSamples(src.name(), (long) n * channels);
            float[] out = new float[n * channels];
            try {
                WavReader.decode(src, wav, nextFrame, n, out);
            } catch (AudioFormatException e) {
                throw e;
            } catch (IOException e) {
                throw new AudioFormatException(src.name(), "cannot read (" + e + ")", e);
            }
            nextFrame += n;
            return new AudioBuffer(out, sampleRate, channels);
        }
        ffmpeg.fill(sink, maxFrames);
        return sink.frames() == 0 ? null : sink.take(maxFrames);
    }

    @Override
    public void close() throws IOException {
        try {
            if (ffmpeg != null) ffmpeg.close();
        } finally {
            src.close();
        }
    }

    private static void closeQuietly(ByteSource src) {
        try {
            src.close();
        } catch (IOException ignored) {
            // the original failure matters more
        }
    }
}
