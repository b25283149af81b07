package org.sonemo.audio;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Pure-Java reader of uncompressed WAV (RIFF, RIFX and RF64): PCM 8-bit unsigned, 16/24/32-bit
 * signed and 32/64-bit float, plain or WAVE_FORMAT_EXTENSIBLE. Integer samples become
 * {@code value / 2^(8*containerBytes-1)}, so 16-bit gives exactly {@code int/32768}. Any other
 * codec inside a WAV (ADPCM, mu-law, MP3...) is reported as {@link NotPcm} for FFmpeg to decode.
 *
 * <p>Every size in the header is checked against the file size before anything is allocated:
 * a data chunk claiming more bytes than the file holds is an error (a truncated recording is
 * reported, never silently shortened).
 */
final class WavReader {
    static final int MAX_CHANNELS = 1024;
    /** Real fmt chunks are 16 to 40 bytes; a huge one is corruption, not a reason to allocate. */
    private static final int MAX_FMT_BYTES = 1 << 16;
    /** Bounds the chunk walk of a hostile file made of millions of empty chunks. */
    private static final int MAX_CHUNKS = 10_000;
    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;
    private static final int BLOCK_BYTES = 1 << 20;

    private WavReader() {
    }

    /** What the header says, after validation. */
    record Info(int channels, int sampleRate, int bytesPerSample, boolean floating, ByteOrder order,
                long dataOffset, long frames) {
        int blockAlign() {
            return channels * bytesPerSample;
        }
    }

    /** A well-formed WAV whose codec is not uncompressed PCM or float. */
    static final class NotPcm extends Exception {
        final int formatTag;

        NotPcm(int formatTag) {
            super("WAV format tag 0x" + Integer.toHexString(formatTag), null, false, false);
            this.formatTag = formatTag;
        }
    }

    static AudioBuffer read(ByteSource src) throws IOException, NotPcm {
        Info info = parse(src);
        long samples = info.frames() * info.channels();
        Limits.checkSamples(src.name(), samples);
        float[] out = new float[(int) samples];
        decode(src, info, 0, info.frames(), out);
        return new AudioBuffer(out, info.sampleRate(), info.channels());
    }

    static Info parse(ByteSource src) throws IOException, NotPcm {
        String name = src.name();
        long size = src.size();
        if (size < 12) throw new AudioFormatException(name, "too short for a WAV header (" + size + " bytes)");
        ByteBuffer head = ByteBuffer.allocate(12);
        src.readFully(head, 0);
        String riff = fourcc(head, 0);
        ByteOrder order = switch (riff) {
            case "RIFF", "RF64" -> ByteOrder.LITTLE_ENDIAN;
            case "RIFX" -> ByteOrder.BIG_ENDIAN;
            default -> throw new AudioFormatException(name, "not a RIFF/RF64 file");
        };
        if (!fourcc(head, 8).equals("WAVE")) {
            throw new AudioFormatException(name, "RIFF form '" + printable(fourcc(head, 8)) + "' is not WAVE");
        }
        boolean rf64 = riff.equals("RF64");

        ByteBuffer fmt = null;
        long ds64DataSize = -1;
        long dataOffset = -1, dataBytes = -1;
        long pos = 12;
        ByteBuffer ch = ByteBuffer.allocate(8).order(order);
        for (int chunks = 0; pos + 8 <= size; chunks++) {
            if (chunks == MAX_CHUNKS) {
                throw new AudioFormatException(name, "more than " + MAX_CHUNKS + " chunks without both fmt and data");
            }
            ch.clear();
            src.readFully(ch, pos);
            String id = fourcc(ch, 0);
            long csize = Integer.toUnsignedLong(ch.getInt(4));
            long body = pos + 8;
            long remaining = size - body;
            switch (id) {
                case "fmt " -> {
                    if (csize < 16) throw new AudioFormatException(name, "fmt chunk of " + csize + " bytes is too short");
                    if (csize > MAX_FMT_BYTES) throw new AudioFormatException(name, "fmt chunk of " + csize + " bytes is absurd");
                    if (csize > remaining) throw new AudioFormatException(name, "file ends inside the fmt chunk (truncated)");
                    fmt = ByteBuffer.allocate((int) csize).order(order);
                    src.readFully(fmt, body);
                    fmt.flip();
                }
                case "ds64" -> {
                    if (csize < 24 || csize > remaining) throw new AudioFormatException(name, "malformed ds64 chunk");
                    ByteBuffer ds = ByteBuffer.allocate(24).order(order);
                    src.readFully(ds, body);
                    ds64DataSize = ds.getLong(8);
                }
                case "data" -> {
                    if (rf64 && csize == UNKNOWN_SIZE) {
                        if (ds64DataSize < 0) throw new AudioFormatException(name, "RF64 file without a valid ds64 data size");
                        csize = ds64DataSize;
                    } else if (!rf64 && csize == UNKNOWN_SIZE) {
                        // written by a streaming encoder that could not seek back: the data runs to the end
                        csize = remaining;
                    }
                    if (csize > remaining) {
                        throw new AudioFormatException(name, "data chunk declares " + csize + " bytes but only "
                                + remaining + " remain in the file (truncated or corrupt header)");
                    }
                    dataOffset = body;
                    dataBytes = csize;
                }
                default -> { }
            }
            if (fmt != null && dataOffset >= 0) break;
            // chunks are padded to an even size
            pos = body + csize + (csize & 1);
        }
        if (fmt == null) throw new AudioFormatException(name, "no fmt chunk before the end of the file");
        if (dataOffset < 0) throw new AudioFormatException(name, "no data chunk");
        return describe(name, fmt, dataOffset, dataBytes, order);
    }

    private static Info describe(String name, ByteBuffer fmt, long dataOffset, long dataBytes, ByteOrder order)
            throws AudioFormatException, NotPcm {
        int tag = Short.toUnsignedInt(fmt.getShort(0));
        int channels = Short.toUnsignedInt(fmt.getShort(2));
        long rate = Integer.toUnsignedLong(fmt.getInt(4));
        int blockAlign = Short.toUnsignedInt(fmt.getShort(12));
        int bits = Short.toUnsignedInt(fmt.getShort(14));
        if (tag == 0xFFFE) {
            if (fmt.limit() < 40) throw new AudioFormatException(name, "WAVE_FORMAT_EXTENSIBLE fmt chunk of " + fmt.limit() + " bytes is too short");
            int sub = fmt.getInt(24);
            // the rest of KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: 00000000-0000-0010-8000-00AA00389B71
            boolean standardGuid = fmt.getShort(28) == 0 && fmt.getShort(30) == 0x0010
                    && fmt.order(ByteOrder.BIG_ENDIAN).getLong(32) == 0x800000AA00389B71L;
            fmt.order(order);
            if (!standardGuid || sub > 0xFFFF) throw new NotPcm(tag);
            tag = sub;
        }
        if (tag != 1 && tag != 3) throw new NotPcm(tag);
        boolean floating = tag == 3;

        if (channels == 0) throw new AudioFormatException(name, "declares 0 channels");
        if (channels > MAX_CHANNELS) {
            throw new AudioFormatException(name, "declares " + channels + " channels (at most " + MAX_CHANNELS + " supported)");
        }
        if (rate == 0 || rate > Integer.MAX_VALUE) throw new AudioFormatException(name, "absurd sample rate " + rate + " Hz");
        if (blockAlign == 0 || blockAlign % channels != 0) {
            throw new AudioFormatException(name, "block align " + blockAlign + " does not fit " + channels + " channels");
        }
        int bytesPerSample = blockAlign / channels;
        if (floating) {
            if (!((bits == 32 && bytesPerSample == 4) || (bits == 64 && bytesPerSample == 8))) {
                throw new AudioFormatException(name, "float samples of " + bits + " bits in " + bytesPerSample
                        + "-byte slots are not supported (32 or 64 bits)");
            }
        } else if (bits == 0 || bits > 32 || bytesPerSample > 4 || bits > 8 * bytesPerSample) {
            throw new AudioFormatException(name, bits + "-bit integer samples in " + bytesPerSample
                    + "-byte slots (block align " + blockAlign + ", " + channels + " channels) are not supported");
        }
        // a trailing partial frame (fewer bytes than one block) is ignored, as other readers do
        long frames = dataBytes / blockAlign;
        if (frames == 0) throw new AudioFormatException(name, "no audio samples: the data chunk is empty");
        return new Info(channels, (int) rate, bytesPerSample, floating, order, dataOffset, frames);
    }

    /** Decodes {@code frameCount} frames from {@code firstFrame} into {@code out} from index 0. */
    static void decode(ByteSource src, Info info, long firstFrame, long frameCount, float[] out) throws IOException {
        int align = info.blockAlign();
        int framesPerBlock = Math.max(1, BLOCK_BYTES / align);
        ByteBuffer buf = ByteBuffer.allocate(framesPerBlock * align).order(info.order());
        long pos = info.dataOffset() + firstFrame * align;
        int k = 0;
        for (long done = 0; done < frameCount; ) {
            int n = (int) Math.min(framesPerBlock, frameCount - done);
            buf.clear().limit(n * align);
            try {
                src.readFully(buf, pos);
            } catch (EOFException e) {
                throw new AudioFormatException(src.name(), "file ended inside the audio data (changed while reading?)", e);
            }
            buf.flip();
            k = convert(buf, info, n * info.channels(), out, k);
            pos += (long) n * align;
            done += n;
        }
    }

    private static int convert(ByteBuffer b, Info info, int count, float[] out, int k) {
        if (info.floating()) {
            if (info.bytesPerSample() == 4) {
                b.asFloatBuffer().get(out, k, count);
            } else {
                for (int i = 0; i < count; i++) out[k + i] = (float) b.getDouble();
            }
            return k + count;
        }
        switch (info.bytesPerSample()) {
            case 1 -> {
                for (int i = 0; i < count; i++) out[k + i] = ((b.get() & 0xFF) - 128) / 128f;
            }
            case 2 -> {
                for (int i = 0; i < count; i++) out[k + i] = b.getShort() / 32768f;
            }
            case 3 -> {
                boolean le = info.order() == ByteOrder.LITTLE_ENDIAN;
                for (int i = 0; i < count; i++) {
                    int b0 = b.get() & 0xFF, b1 = b.get() & 0xFF, b2 = b.get();
                    int v = le ? (b2 << 16) | (b1 << 8) | b0 : (b0 << 16) | (b1 << 8) | (b2 & 0xFF);
                    if (!le) v = (v << 8) >> 8;
                    out[k + i] = v / 8388608f;
                }
            }
            default -> {
                // 32-bit: exact in double, then one rounding to float
                for (int i = 0; i < count; i++) out[k + i] = (float) (b.getInt() / 2147483648.0);
            }
        }
        return k + count;
    }

    private static String fourcc(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) c[i] = (char) (b.get(at + i) & 0xFF);
        return new String(c);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        return sb.toString();
    }
}
