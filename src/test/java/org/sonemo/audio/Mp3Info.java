package org.sonemo.audio;

/**
 * An independent reading of the first MPEG audio frame of an MP3: samples per frame and, when the
 * encoder wrote a Xing/Info tag with a LAME extension, the frame count, encoder delay and padding.
 */
record Mp3Info(int sampleRate, int samplesPerFrame, long xingFrames, int encoderDelay, int encoderPadding) {
    private static final int[][] RATES = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}};

    /** Frames the decoder should deliver after gapless trimming, or -1 without a LAME tag. */
    long gaplessFrames() {
        return xingFrames < 0 || encoderDelay < 0 ? -1 : xingFrames * samplesPerFrame - encoderDelay - encoderPadding;
    }

    static Mp3Info parse(byte[] b) {
        int pos = 0;
        if (b.length > 10 && b[0] == 'I' && b[1] == 'D' && b[2] == '3') {
            int size = ((b[6] & 0x7F) << 21) | ((b[7] & 0x7F) << 14) | ((b[8] & 0x7F) << 7) | (b[9] & 0x7F);
            pos = 10 + size + ((b[5] & 0x10) != 0 ? 10 : 0);
        }
        while (pos + 4 < b.length && !((b[pos] & 0xFF) == 0xFF && (b[pos + 1] & 0xE0) == 0xE0)) pos++;
        if (pos + 4 >= b.length) throw new IllegalArgumentException("no MPEG frame sync");
        int version = (b[pos + 1] >> 3) & 3; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
        int layer = (b[pos + 1] >> 1) & 3;    // 1 = layer III
        if (layer != 1) throw new IllegalArgumentException("not layer III");
        int rate = RATES[version][(b[pos + 2] >> 2) & 3];
        boolean mono = ((b[pos + 3] >> 6) & 3) == 3;
        int spf = version == 3 ? 1152 : 576;
        int side = version == 3 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int x = pos + 4 + side;
        long frames = -1;
        int delay = -1, padding = -1;
        if (x + 8 < b.length && (tag(b, x, "Xing") || tag(b, x, "Info"))) {
            int flags = u32(b, x + 4);
            int q = x + 8;
            if ((flags & 1) != 0) { frames = Integer.toUnsignedLong(u32(b, q)); q += 4; }
            if ((flags & 2) != 0) q += 4;
            if ((flags & 4) != 0) q += 100;
            if ((flags & 8) != 0) q += 4;
            if (q + 24 <= b.length && (tag(b, q, "LAME") || tag(b, q, "Lavf") || tag(b, q, "Lavc"))) {
                int d = q + 21;
                delay = ((b[d] & 0xFF) << 4) | ((b[d + 1] & 0xFF) >> 4);
                padding = ((b[d + 1] & 0x0F) << 8) | (b[d + 2] & 0xFF);
            }
        }
        return new Mp3Info(rate, spf, frames, delay, padding);
    }

    static String describe(byte[] b) {
        return parse(b).toString();
    }

    private static boolean tag(byte[] b, int at, String s) {
        for (int i = 0; i < 4; i++) if (b[at + i] != s.charAt(i)) return false;
        return true;
    }

    private static int u32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
