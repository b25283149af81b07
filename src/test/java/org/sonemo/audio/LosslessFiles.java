package org.sonemo.audio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes FLAC (verbatim subframes, no prediction) and AIFF files from integer samples, so tests can
 * check that FFmpeg decodes them to exactly the floats of the equivalent WAV.
 */
final class LosslessFiles {
    private LosslessFiles() {
    }

    /** Interleaved samples of {@code bits} bits (8-24). */
    static byte[] flac(long[] samples, int channels, int rate, int bits) {
        int frames = samples.length / channels;
        int block = 4096;
        Bits w = new Bits();
        w.bytes("fLaC".getBytes(StandardCharsets.US_ASCII));
        w.put(1, 1).put(0, 7).put(34, 24); // last metadata block: STREAMINFO, 34 bytes
        w.put(block, 16).put(block, 16).put(0, 24).put(0, 24);
        w.put(rate, 20).put(channels - 1, 3).put(bits - 1, 5).put(frames, 36);
        for (int i = 0; i < 16; i++) w.put(0, 8); // MD5 unknown
        for (int f = 0, start = 0; start < frames; f++, start += block) {
            int n = Math.min(block, frames - start);
            int frameStart = w.size();
            w.put(0xFFF8, 16).put(0b0111, 4).put(0, 4).put(channels - 1, 4).put(0, 3).put(0, 1);
            if (f >= 128) throw new IllegalArgumentException("test writer codes frame numbers below 128 only");
            w.put(f, 8).put(n - 1, 16);
            w.put(crc8(w.array(), frameStart, w.size()), 8);
            for (int c = 0; c < channels; c++) {
                w.put(0b00000010, 8); // verbatim subframe, no wasted bits
                for (int i = 0; i < n; i++) w.put(samples[(start + i) * channels + c], bits);
            }
            w.align();
            w.put(crc16(w.array(), frameStart, w.size()), 16);
        }
        return w.array();
    }

    /** Big-endian 16-bit AIFF. */
    static byte[] aiff16(long[] samples, int channels, int rate) {
        int frames = samples.length / channels;
        Bits w = new Bits();
        w.bytes("FORM".getBytes(StandardCharsets.US_ASCII)).put(4 + 26 + 16 + samples.length * 2L, 32);
        w.bytes("AIFFCOMM".getBytes(StandardCharsets.US_ASCII)).put(18, 32);
        w.put(channels, 16).put(frames, 32).put(16, 16);
        // sample rate as an 80-bit extended float: exponent, then a 64-bit mantissa with explicit 1
        int exp = 63 - Long.numberOfLeadingZeros(rate);
        w.put(16383 + exp, 16).put((long) rate << (63 - exp), 64);
        w.bytes("SSND".getBytes(StandardCharsets.US_ASCII)).put(8 + samples.length * 2L, 32).put(0, 32).put(0, 32);
        for (long s : samples) w.put(s, 16);
        return w.array();
    }

    private static int crc8(byte[] b, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
        }
        return crc;
    }

    private static int crc16(byte[] b, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= (b[i] & 0xFF) << 8;
            for (int k = 0; k < 8; k++) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x8005) & 0xFFFF : (crc << 1) & 0xFFFF;
        }
        return crc;
    }

    /** MSB-first bit writer. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int n;

        Bits put(long value, int bits) {
            for (int i = bits - 1; i >= 0; i--) {
                acc = (acc << 1) | ((value >>> i) & 1);
                if (++n == 8) {
                    out.write((int) acc);
                    acc = 0;
                    n = 0;
                }
            }
            return this;
        }

        Bits bytes(byte[] b) {
            for (byte x : b) put(x & 0xFF, 8);
            return this;
        }

        void align() {
            while (n != 0) put(0, 1);
        }

        int size() {
            return out.size();
        }

        byte[] array() {
            return out.toByteArray();
        }
    }
}
