package org.sonemo.learn;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/**
 * The one place that decides where Smile's BLAS and LAPACK come from. Smile 6 binds them with
 * FFM and looks them up by name ({@code smile.lib.blas}, {@code smile.lib.lapack}; default
 * {@code libopenblas.so}, which only a system package or {@code LD_LIBRARY_PATH} provides).
 * ND4J already loads a full OpenBLAS (with LAPACK) as a dependency of {@code libnd4jcpu.so};
 * a library already loaded answers a look-up by its SONAME, so naming {@code nd4jcpu} gives
 * Smile that OpenBLAS through ND4J's library: one OpenBLAS in the process, no environment
 * variable, nothing for a JVM linking sonemo to set up. Properties set by the user win.
 * Must run before Smile's linear algebra classes initialise (they read the properties once).
 */
final class SmileNatives {
    static final String ND4J_LIBRARY = "nd4jcpu";
    private static final String[] KEYS = {"smile.lib.blas", "smile.lib.lapack"};
    /** A BLAS and a LAPACK symbol Smile calls; checked so a failure names its cause. */
    private static final String[] PROBES = {"cblas_dgemm", "dsyevd_"};
    private static volatile boolean done;

    private SmileNatives() {
    }

    static void ensure() {
        if (done) return;
        synchronized (SmileNatives.class) {
            if (done) return;
            Nd4jSetup.ensure(); // loads ND4J's native backend, and OpenBLAS with it
            for (int i = 0; i < KEYS.length; i++) {
                String name = System.getProperty(KEYS[i]);
                if (name == null) System.setProperty(KEYS[i], name = ND4J_LIBRARY);
                check(KEYS[i], name, PROBES[i]);
            }
            done = true;
        }
    }

    private static void check(String key, String name, String symbol) {
        String file = System.mapLibraryName(name);
        try (Arena arena = Arena.ofConfined()) {
            if (SymbolLookup.libraryLookup(file, arena).find(symbol).isEmpty())
                throw new IllegalStateException(file + " (" + key + ") has no " + symbol + ": Smile's PCA and linear models need OpenBLAS with LAPACK");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot load " + file + " for Smile (" + key + "=" + name + "): " + e.getMessage()
                    + "; set -D" + key + "=<library name> to a BLAS/LAPACK library on the loader's path", e);
        }
    }
}
