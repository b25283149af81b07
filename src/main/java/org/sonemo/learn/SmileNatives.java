package org.sonemo.learn;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The one place that decides where Smile's BLAS and LAPACK come from. Smile 6 binds them with
 * FFM and looks them up by name ({@code smile.lib.blas}, {@code smile.lib.lapack}; default
 * {@code libopenblas.so}, which only a system package or {@code LD_LIBRARY_PATH} provides).
 * ND4J already loads a full OpenBLAS (with LAPACK) as a dependency of {@code libnd4jcpu.so};
 * a library already loaded answers a look-up by its SONAME, so naming {@code nd4jcpu} gives
 * Smile that OpenBLAS through ND4J's library: one OpenBLAS in the process, no environment
 * variable, nothing for a JVM linking sonemo to set up. Properties set by the user win.
 * Must run before Smile's linear algebra classes initialise (they read the properties once).
 * OpenBLAS gets the thread count ND4J gets ({@code sonemo.nd4j.threads}, default 1): the search
 * already runs one fit per core, and OpenBLAS's own threads on these small matrices only add
 * contention (measured: `sonemo train --model linear` on TAVA 46.3 s with them, 9.4 s without).
 */
final class SmileNatives {
    static final String ND4J_LIBRARY = "nd4jcpu";
    private static final String[] KEYS = {"smile.lib.blas", "smile.lib.lapack"};
    /** A BLAS and a LAPACK symbol Smile calls; checked so a failure names its cause. */
    private static final String[] PROBES = {"cblas_dgemm", "dgesdd_"};
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
            setThreads(System.getProperty(KEYS[0]), Nd4jSetup.threads());
            done = true;
        }
    }

    /** openblas_set_num_threads, when the BLAS is an OpenBLAS (another BLAS keeps its own setting). */
    private static void setThreads(String name, int threads) {
        try (Arena arena = Arena.ofConfined()) {
            var f = SymbolLookup.libraryLookup(System.mapLibraryName(name), arena).find("openblas_set_num_threads");
            if (f.isEmpty()) return;
            MethodHandle h = Linker.nativeLinker().downcallHandle(f.get(), FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
            h.invokeExact(threads);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot set OpenBLAS's thread count in " + name + ": " + e, e);
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
