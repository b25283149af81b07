package org.sonemo.learn;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Where Smile's BLAS/LAPACK come from; each case runs in a fresh JVM, as Smile reads the properties once. */
class SmileNativesTest {

    /** Fits a PCA and a lasso; prints the properties Smile used and OpenBLAS's thread count. */
    public static void main(String[] args) throws Throwable {
        double[][] x = PipelineTest.data(50, 5, 1);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) y[i] = 0.3 * x[i][0];
        Pca.fit(x, 0.9, true);
        Regressor.LinearModel.fit(x, y, ModelOptions.Linear.lasso(0.01));
        String blas = System.getProperty("smile.lib.blas");
        System.out.println("blas=" + blas + " lapack=" + System.getProperty("smile.lib.lapack"));
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            var get = java.lang.foreign.SymbolLookup.libraryLookup(System.mapLibraryName(blas), arena).find("openblas_get_num_threads").orElseThrow();
            var h = java.lang.foreign.Linker.nativeLinker().downcallHandle(get, java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT));
            System.out.println("openblas threads=" + (int) h.invokeExact());
        }
    }

    private static Result run(String... props) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(List.of(props));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SmileNativesTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // no environment variable is set here: the child sees only what this JVM's environment has
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM finished");
        return new Result(p.exitValue(), out);
    }

    record Result(int exit, String out) {
    }

    @Test
    void smileUsesNd4jsOpenBlasWithoutAnyEnvironmentVariable() throws Exception {
        Result r = run();
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("blas=nd4jcpu lapack=nd4jcpu"), r.out());
        assertTrue(r.out().contains("openblas threads=1"), "one OpenBLAS thread per search worker: " + r.out());
    }

    @Test
    void openBlasThreadsFollowTheNd4jSetting() throws Exception {
        Result r = run("-Dsonemo.nd4j.threads=2");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("openblas threads=2"), r.out());
    }

    @Test
    void aMissingLibraryTheUserNamedIsAClearError() throws Exception {
        Result r = run("-Dsmile.lib.lapack=no_such_lapack");
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("cannot load " + System.mapLibraryName("no_such_lapack") + " for Smile (smile.lib.lapack=no_such_lapack)"), r.out());
    }
}
