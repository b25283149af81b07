package org.sonemo.egemaps;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sonemo.opensmile.NativeExtractor;
import org.sonemo.opensmile.SmileInstance;

import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Functionals#segments} against openSMILE's Segments functional with eGeMAPS' options
 * (voiced: nonX, unvoiced: eqX, X = 0; test resource {@code opensmile/segments.conf}), fed
 * crafted voicing patterns through {@code cExternalSource}. The bridging of single frames and the
 * 3-frame minimum were found this way. {@code -Dprobe=0011100,/path/contour.txt} prints
 * openSMILE's values for other patterns (a file holds one value per line).
 */
class SegmentFunctionalParityTest {
    static final double PERIOD = 0.01;

    /** {voiced segments per second, mean and stddev of voiced length, mean and stddev of unvoiced length}, seconds. */
    static double[] nativeSegments(double[] x, boolean dbg) throws Exception {
        Assumptions.assumeTrue(NativeExtractor.isAvailable(), "native openSMILE not found; skipping");
        Path conf = Path.of(SegmentFunctionalParityTest.class.getResource("/opensmile/segments.conf").toURI());
        try (SmileInstance s = SmileInstance.create(conf, dbg ? Map.of("segDbg", "1") : Map.of())) {
            float[] f = new float[x.length];
            for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
            List<Double> out = new ArrayList<>();
            s.setFrameSink((d, nT, n, t, p, l) -> {
                for (int i = 0; i < n; i++) out.add((double) d.getAtIndex(ValueLayout.JAVA_FLOAT, i));
            });
            s.writeFrames(f, f.length, 1);
            s.endOfFrames();
            s.run();
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    static double[] javaSegments(double[] x) {
        double[] v = Functionals.segments(x, true), u = Functionals.segments(x, false);
        return new double[]{v[0] / (x.length * PERIOD), v[1] * PERIOD, v[2] * PERIOD, u[1] * PERIOD, u[2] * PERIOD};
    }

    static double[] pattern(String p) {
        double[] x = new double[p.length()];
        for (int i = 0; i < x.length; i++) x[i] = p.charAt(i) == '1' ? 30 + i % 7 : 0;
        return x;
    }

    static void check(double[] x, String what) throws Exception {
        double[] a = nativeSegments(x, false), b = javaSegments(x);
        assertEquals(5, a.length);
        for (int i = 0; i < 5; i++) {
            assertEquals(a[i], b[i], 1e-5 * Math.max(1, Math.abs(a[i])), what + " value " + i + ": java "
                    + java.util.Arrays.toString(b) + " vs openSMILE " + java.util.Arrays.toString(a));
        }
    }

    @Test
    void craftedPatternsMatchOpenSmile() throws Exception {
        String[] cases = {"0000111100000000000", "0000111100001111000000", "0000111100011110000000",
                "0000111100111100000", "0000111101111000000", "0001000000000", "0001100000000", "0001110000000",
                "0011111000000", "1111100000000", "0000000111111", "0000111100111100011000111000",
                "0001010000000", "0001101100000", "0001011000000", "0001101000000", "0101000000000",
                "1011100000000", "0000000011101", "0000000001101", "0001010101000", "0000111100000001",
                "0000111100000011", "1000111100000000", "1100111100000000", "0000011011011000", "0001110100000",
                "0001010100000", "0001000100000", "0001101010000", "1110101111", "1110100111", "1110010111",
                "1110110111", "0001101101000", "0001010110000", "0000101111111", "0000000000", "1111111111"};
        for (String c : cases) check(pattern(c), c);
    }

    /** Random voicing patterns with runs of 1-6 frames, the lengths where the rules matter. */
    @Test
    void randomPatternsMatchOpenSmile() throws Exception {
        java.util.Random r = new java.util.Random(11);
        for (int k = 0; k < 60; k++) {
            StringBuilder b = new StringBuilder();
            int n = 20 + r.nextInt(200);
            boolean v = r.nextBoolean();
            while (b.length() < n) {
                int run = 1 + r.nextInt(r.nextInt(3) == 0 ? 12 : 4);
                b.append((v ? "1" : "0").repeat(run));
                v = !v;
            }
            check(pattern(b.toString()), b.toString());
        }
    }

    @Test
    void probe() throws Exception {
        String spec = System.getProperty("probe");
        Assumptions.assumeTrue(spec != null, "diagnostic only: -Dprobe=PATTERN,... prints openSMILE's values");
        for (String one : spec.split(",")) probeOne(one);
    }

    static void probeOne(String spec) throws Exception {
        double[] x;
        if (spec.startsWith("/")) {
            List<String> lines = Files.readAllLines(Path.of(spec));
            x = new double[lines.size()];
            for (int i = 0; i < x.length; i++) x[i] = Double.parseDouble(lines.get(i).trim());
        } else {
            x = new double[spec.length()];
            for (int i = 0; i < x.length; i++) x[i] = spec.charAt(i) - '0';
        }
        System.out.println(spec + " native " + java.util.Arrays.toString(nativeSegments(x, true)));
    }
}
