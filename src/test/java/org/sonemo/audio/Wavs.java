package org.sonemo.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte, including malformed ones. */
final class Wavs {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    private Wavs(String riff, ByteOrder order) {
        this.order = order;
        ascii(riff);
        u32(0); // RIFF size: patched by bytes()
        ascii("WAVE");
    }

    static Wavs riff() {
        return new Wavs("RIFF", ByteOrder.LITTLE_ENDIAN);
    }

    static Wavs rifx() {
        return new Wavs("RIFX", ByteOrder.BIG_ENDIAN);
    }

    static Wavs rf64() {
        return new Wavs("RF64", ByteOrder.LITTLE_ENDIAN);
    }

    Wavs fmt(int tag, int channels, long rate, int blockAlign, int bits) {
        ascii("fmt ");
        u32(16);
        u16(tag);
        u16(channels);
        u32(rate);
        u32(rate * blockAlign);
        u16(blockAlign);
        u16(bits);
        return this;
    }

    /** WAVE_FORMAT_EXTENSIBLE with the standard PCM (1) or float (3) sub-format GUID. */
    Wavs fmtExtensible(int subTag, int channels, long rate, int blockAlign, int bits, int validBits) {
        ascii("fmt ");
        u32(40);
        u16(0xFFFE);
        u16(channels);
        u32(rate);
        u32(rate * blockAlign);
        u16(blockAlign);
        u16(bits);
        u16(22);
        u16(validBits);
        u32(channels == 2 ? 3 : 4);
        u32(subTag);
        u16(0);
        u16(0x0010);
        out.writeBytes(new byte[] {(byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return this;
    }

    Wavs ds64(long dataSize) {
        ascii("ds64");
        u32(28);
        u64(0);
        u64(dataSize);
        u64(0);
        u32(0);
        return this;
    }

    Wavs chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    /** A chunk with a declared size that may differ from its body; odd bodies get a pad byte. */
    Wavs chunk(String id, long declaredSize, byte[] body) {
        ascii(id);
        u32(declaredSize);
        out.writeBytes(body);
        if ((body.length & 1) == 1) out.write(0);
        return this;
    }

    Wavs data(byte[] body) {
        return chunk("data", body);
    }

    byte[] bytes() {
        byte[] b = out.toByteArray();
        ByteBuffer.wrap(b).order(order).putInt(4, b.length - 8);
        return b;
    }

    /** Samples in the given order, each {@code bytes} wide, low bytes of the value. */
    static byte[] pcm(ByteOrder order, int bytes, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * bytes).order(order);
        for (long v : values) {
            for (int i = 0; i < bytes; i++) {
                int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (bytes - 1 - i);
                b.put((byte) (v >> shift));
            }
        }
        return b.array();
    }

    private void ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private void u16(int v) {
        out.writeBytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
    }

    private void u32(long v) {
        out.writeBytes(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
    }

    private void u64(long v) {
        out.writeBytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
    }
}
