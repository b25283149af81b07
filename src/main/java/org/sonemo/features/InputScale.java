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
    /** Multiply by 32768/32767: features equal those of SMILExtract or the Python package on the same file. */
    OPENSMILE_INT16(32768.0f / 32767.0f),
    /** Feed the samples as decoded. */
    UNITY(1.0f);

    private final float gain;

    InputScale(float gain) {
        this.gain = gain;
    }

    public float gain() {
        return gain;
    }
}
