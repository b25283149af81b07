package org.sonemo.audio;

/** An independent reading of an Ogg Vorbis file: the last page's granule and the long block size. */
final class OggInfo {
    private OggInfo() {
    }

    /** The granule position of the last page: the stream's total PCM frames for Vorbis starting at 0. */
    static long lastGranule(byte[] b) {
        for (int i = b.length - 27; i >= 0; i--) {
            if (b[i] == 'O' && b[i + 1] == 'g' && b[i + 2] == 'g' && b[i + 3] == 'S' && b[i + 4] == 0) {
                long g = 0;
                for (int k = 7; k >= 0; k--) g = (g << 8) | (b[i + 6 + k] & 0xFF);
                if (g != -1) return g;
            }
        }
        throw new IllegalArgumentException("no Ogg page with a granule position");
    }

    /** blocksize_1 from the Vorbis identification header (samples in a long block). */
    static int blocksize1(byte[] b) {
        for (int i = 0; i + 30 < b.length && i < 4096; i++) {
            if (b[i] == 1 && b[i + 1] == 'v' && b[i + 2] == 'o' && b[i + 3] == 'r' && b[i + 4] == 'b') {
                return 1 << ((b[i + 28] & 0xF0) >> 4);
            }
        }
        throw new IllegalArgumentException("no Vorbis identification header");
    }
}
