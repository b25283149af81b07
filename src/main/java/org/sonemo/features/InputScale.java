package org.sonemo.features;

/**
 * How float samples are scaled before extraction.
 *
 * <p>openSMILE reads 16-bit PCM as {@code int16 / 32767}, and the {@code opensmile} Python
 * package turns float audio into int16 by {@code x * 32768} first; so the features everyone
 * publishes correspond to float audio multiplied by 32768/32767. Decoders give
 * {@code int16 / 32768}. The difference (3e-5 relative) is enough to move formant, H1-A3 and
 * shimmer functionals by up to 15% on some files, so the default reproduces openSMILE's
 * convention.
 */
public enum InputScale {
    /**
     * x * 32768 / 32767, computed as openSMILE computes int16 / 32767 in float: features equal
     * those of SMILExtract or the Python package on the same file, bit for bit.
     */
    OPENSMILE_INT16,
    /** Feed the samples as decoded. */
    UNITY;

    /**
     * Writes the scaled first {@code n} samples of {@code src} into {@code dst}. For OPENSMILE_INT16
     * the product with 32768 is exact for 16-bit sources, and the float division rounds exactly as
     * openSMILE's own int16 / 32767 does: multiplying by a rounded 32768/32767 would differ by an
     * ulp now and then, enough to move formant functionals.
     */
    public void apply(float[] src, float[] dst, int n) {
        if (this == UNITY) {
            System.arraycopy(src, 0, dst, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) dst[i] = (float) (src[i] * 32768.0) / 32767.0f;
    }
}
