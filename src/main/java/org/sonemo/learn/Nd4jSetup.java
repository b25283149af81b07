package org.sonemo.learn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J settings for this workload: many small matrices (hundreds of rows) processed by parallel
 * search workers, so each ND4J operation runs on one thread (its own thread pool would only
 * contend with the workers). {@code -Dsonemo.nd4j.threads=N} overrides.
 */
final class Nd4jSetup {
    private static volatile boolean done;

    private Nd4jSetup() {
    }

    /** Threads per native operation, ND4J's and (see {@link SmileNatives}) OpenBLAS's. */
    static int threads() {
        return Integer.getInteger("sonemo.nd4j.threads", 1);
    }

    static void ensure() {
        if (done) return;
        synchronized (Nd4jSetup.class) {
            if (done) return;
            int n = threads();
            Nd4j.getEnvironment().setMaxThreads(n);
            Nd4j.getEnvironment().setMaxMasterThreads(n);
            done = true;
        }
    }
}
