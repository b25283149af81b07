package org.sonemo.audio;

import java.nio.charset.StandardCharsets;

/** Recognises a container from its first bytes, whatever the file is called. */
final class Sniffer {
    static final int HEAD_BYTES = 16;

    enum Kind {
        WAV, MP3, OGG, FLAC, AIFF, EMPTY, TEXT, OTHER;

        /** Decoded by the pure-Java WAV reader rather than FFmpeg. */
        boolean javaWav() {
            return this == WAV;
        }
    }

    private Sniffer() {
    }

    static Kind detect(byte[] h, int n) {
        if (n == 0) return Kind.EMPTY;
        if (n >= 12 && (is(h, 0, "RIFF") || is(h, 0, "RIFX") || is(h, 0, "RF64")) && is(h, 8, "WAVE")) return Kind.WAV;
        // a RIFF file cut inside its 12-byte header: let the WAV reader say so
        if (n >= 4 && n < 12 && (is(h, 0, "RIFF") || is(h, 0, "RIFX") || is(h, 0, "RF64"))) return Kind.WAV;
        if (n >= 4 && is(h, 0, "OggS")) return Kind.OGG;
        if (n >= 4 && is(h, 0, "fLaC")) return Kind.FLAC;
        if (n >= 12 && is(h, 0, "FORM") && (is(h, 8, "AIFF") || is(h, 8, "AIFC"))) return Kind.AIFF;
        if (n >= 3 && is(h, 0, "ID3")) return Kind.MP3;
        // MPEG audio frame sync: 11 set bits, layer != reserved
        if (n >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0) return Kind.MP3;
        if (looksLikeText(h, n)) return Kind.TEXT;
        return Kind.OTHER;
    }

    private static boolean looksLikeText(byte[] h, int n) {
        for (int i = 0; i < n; i++) {
            int c = h[i] & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) return false;
        }
        return true;
    }

    private static boolean is(byte[] h, int at, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < m.length; i++) if (h[at + i] != m[i]) return false;
        return true;
    }
}
