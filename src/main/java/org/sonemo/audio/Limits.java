package org.sonemo.audio;

/** Size checks made before allocating, so an absurd header gives an error instead of an OutOfMemoryError. */
final class Limits {
    /** The largest Java array the JVM reliably allocates. */
    static final long MAX_SAMPLES = Integer.MAX_VALUE - 8;

    private Limits() {
    }

    static void checkSamples(String name, long samples) throws AudioFormatException {
        if (samples > MAX_SAMPLES) {
            throw new AudioFormatException(name, "too long to decode into one buffer (" + samples
                    + " samples, at most " + MAX_SAMPLES + "); read it in chunks");
        }
        long free = freeHeap();
        if (samples * Float.BYTES > free) {
            // "used" counts garbage too: collect once before refusing a file that would fit
            System.gc();
            free = freeHeap();
        }
        if (samples * Float.BYTES > free) {
            throw new AudioFormatException(name, "needs " + (samples * Float.BYTES >> 20) + " MiB of samples but only "
                    + (free >> 20) + " MiB of heap are free; read it in chunks or raise -Xmx");
        }
    }

    private static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }
}
