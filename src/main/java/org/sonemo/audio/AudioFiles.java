package org.sonemo.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads audio files into {@link AudioBuffer}s. The format is recognised from the content, never
 * from the file name: uncompressed WAV (PCM 8/16/24/32-bit, float 32/64, extensible, RIFF/RIFX/RF64)
 * is decoded exactly by a pure-Java reader, everything else (MP3, Ogg Vorbis, FLAC, Opus, AAC,
 * AIFF, compressed WAV...) by FFmpeg. Samples are float32 in [-1, 1], interleaved, at the file's
 * own rate and channel count.
 *
 * <p>Every failure is an {@link AudioFormatException} whose message names the input and the reason;
 * nothing is allocated from a header size before it is checked against the file size.
 */
public final class AudioFiles {
    private AudioFiles() {
    }

    /** Decodes a whole file. */
    public static AudioBuffer read(Path file) throws AudioFormatException {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        try (ByteSource src = ByteSource.of(file)) {
            return read(src);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(name, "cannot read the file (" + e + ")", e);
        }
    }

    /** Decodes audio held in memory; {@code name} is what error messages call it. */
    public static AudioBuffer read(byte[] data, String name) throws AudioFormatException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(name, "name");
        try {
            return read(ByteSource.of(data, name));
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(name, "cannot read the data (" + e + ")", e);
        }
    }

    /**
     * Decodes a stream (read to its end into memory first, since most containers need to seek);
     * the stream is not closed.
     */
    public static AudioBuffer read(InputStream in, String name) throws AudioFormatException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        byte[] data;
        try {
            data = in.readAllBytes();
        } catch (OutOfMemoryError e) {
            throw new AudioFormatException(name, "stream too large to hold in memory; write it to a file first");
        } catch (IOException e) {
            throw new AudioFormatException(name, "cannot read the stream (" + e + ")", e);
        }
        return read(data, name);
    }

    /**
     * Resamples to {@code targetRate} with FFmpeg's swresample (a 64-tap Kaiser-windowed sinc; see
     * docs/audio-input.md for the measured quality); the buffer itself when it already has that rate.
     * Channels are kept; use {@link AudioBuffer#mixDown()} for mono.
     */
    public static AudioBuffer resample(AudioBuffer audio, int targetRate) {
        Objects.requireNonNull(audio, "audio");
        return Resampler.resample(audio, targetRate);
    }

    /**
     * Opens a file for reading in chunks (see {@link AudioReader}); the caller closes the reader.
     */
    public static AudioReader open(Path file) throws AudioFormatException {
        Objects.requireNonNull(file, "file");
        ByteSource src;
        try {
            src = ByteSource.of(file);
        } catch (IOException e) {
            throw new AudioFormatException(file.toString(), "cannot read the file (" + e + ")", e);
        }
        return AudioReader.open(src);
    }

    /** What the first bytes say; rejects empty and text files with their own reasons. */
    static Sniffer.Kind sniff(ByteSource src) throws IOException {
        byte[] head = new byte[Sniffer.HEAD_BYTES];
        ByteBuffer hb = ByteBuffer.wrap(head);
        int n = 0;
        while (hb.hasRemaining()) {
            int r = src.read(hb, n);
            if (r <= 0) break;
            n += r;
        }
        Sniffer.Kind kind = Sniffer.detect(head, n);
        switch (kind) {
            case EMPTY -> throw new AudioFormatException(src.name(), "empty file (0 bytes)");
            case TEXT -> throw new AudioFormatException(src.name(), "a text file, not audio");
            default -> {
                return kind;
            }
        }
    }

    static AudioBuffer read(ByteSource src) throws IOException {
        if (sniff(src).javaWav()) {
            try {
                return WavReader.read(src);
            } catch (WavReader.NotPcm e) {
                // compressed WAV (ADPCM, mu-law, MP3...): FFmpeg knows these codecs
            }
        }
        try {
            return FfmpegDecoder.decode(src).audio();
        } catch (LinkageError e) {
            throw noFfmpeg(src, e);
        }
    }

    static FfmpegDecoder ffmpegDecoder(ByteSource src) throws AudioFormatException {
        try {
            return new FfmpegDecoder(src);
        } catch (LinkageError e) {
            throw noFfmpeg(src, e);
        }
    }

    private static AudioFormatException noFfmpeg(ByteSource src, LinkageError e) {
        return new AudioFormatException(src.name(), "needs FFmpeg, which is not available on this platform (" + e + ")", e);
    }
}
