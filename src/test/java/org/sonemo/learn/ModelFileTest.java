package org.sonemo.learn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonemo.data.FeatureSource;
import org.sonemo.data.Label;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class ModelFileTest {
    @TempDir
    Path tmp;

    private ModelFile.Model model() {
        return model(true);
    }

    static ModelFile.Model model(boolean ensemble) {
        double[][] x = PipelineTest.data(80, 4, 2);
        double[] ya = new double[80], yv = new double[80];
        for (int i = 0; i < 80; i++) {
            ya[i] = Math.tanh(0.2 * x[i][0]);
            yv[i] = Math.tanh(-0.1 * x[i][1] + 0.05 * x[i][3]);
        }
        int[] rows = IntStream.range(0, 80).toArray();
        Map<Label, Ensemble> m = new LinkedHashMap<>();
        Pipeline poly = Pipeline.fit(x, ya, rows, new PipelineOptions(0.9, true,
                new ModelOptions.Svr(ModelOptions.Kernel.POLY, 3, 0.05, ModelOptions.GAMMA_SCALE, 2, 1, 1e-3)));
        Pipeline elastic = Pipeline.fit(x, yv, rows, new PipelineOptions(1, false, ModelOptions.Linear.elasticNet(0.01, 0.5)));
        if (ensemble) {
            Pipeline rbf = Pipeline.fit(x, ya, rows, new PipelineOptions(0.95, false, ModelOptions.Svr.rbf(1, 0.1, ModelOptions.GAMMA_AUTO)));
            m.put(Label.AROUSAL, new Ensemble(List.of(poly, rbf), new double[]{0.7, 0.3}));
        } else {
            m.put(Label.AROUSAL, Ensemble.of(poly));
        }
        m.put(Label.VALENCE, Ensemble.of(elastic));
        return new ModelFile.Model(new FeatureSource.FeatureInfo("egemaps", "native", 0), List.of("f0", "f1", "f2", "f3"), m,
                Map.of("dataset.0", "tava (tava) /x", "dataset.0.scale", "[-1,1]"), Map.of("arousal.cv5.r2", "0.700 ± 0.100"));
    }

    @Test
    void roundTripPredictsTheSame() throws IOException {
        ModelFile.Model m = model();
        Path f = tmp.resolve("m.sonemo");
        ModelFile.save(m, f);
        ModelFile.Model back = ModelFile.load(f);
        assertEquals(m.info(), back.info());
        assertEquals(m.names(), back.names());
        assertEquals(m.training(), back.training());
        assertEquals(m.metrics(), back.metrics());
        double[][] x = PipelineTest.data(20, 4, 99);
        for (Label l : Label.values()) {
            assertEquals(m.models().get(l).options(), back.models().get(l).options());
            assertArrayEquals(m.models().get(l).weights(), back.models().get(l).weights());
            assertArrayEquals(m.models().get(l).predict(x), back.models().get(l).predict(x), 0.0);
        }
        ModelFile.save(back, tmp.resolve("again.sonemo"));
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(tmp.resolve("again.sonemo")), "saving is deterministic");
    }

    @Test
    void refusesForeignTruncatedTamperedAndNewerFiles() throws IOException {
        Path f = tmp.resolve("m.sonemo");
        ModelFile.save(model(), f);
        byte[] good = Files.readAllBytes(f);

        Path foreign = tmp.resolve("foreign.bin");
        Files.write(foreign, new byte[]{(byte) 0xAC, (byte) 0xED, 0, 5, 's', 'r'}); // a Java serialization stream
        assertMessage(foreign, "not a sonemo model");

        Path truncated = tmp.resolve("truncated.sonemo");
        Files.write(truncated, Arrays.copyOf(good, good.length - 100));
        assertMessage(truncated, "checksum");
        Files.write(truncated, Arrays.copyOf(good, 20));
        assertMessage(truncated, "truncated");

        byte[] bad = good.clone();
        bad[good.length / 2] ^= 1;
        Path tampered = tmp.resolve("tampered.sonemo");
        Files.write(tampered, bad);
        assertMessage(tampered, "checksum");

        byte[] newer = good.clone();
        ByteBuffer.wrap(newer).putShort(8, (short) 3);
        Path v3 = tmp.resolve("v3.sonemo");
        Files.write(v3, newer);
        assertMessage(v3, "version 3");
    }

    /**
     * A version-1 file (one pipeline per label), written by the sonemo before ensembles, still
     * loads and predicts as a model trained now on the same data. Not bit for bit: the file was
     * fitted with the earlier PCA (ND4J's eigen-decomposition) and ElasticNet (own coordinate
     * descent); Smile now fits both, to the same objectives, and the SVR solver (tolerance 1e-3) meets a rotated input, so predictions agree to 5e-3.
     */
    @Test
    void readsVersionOneFiles() throws IOException, java.net.URISyntaxException {
        Path v1 = Path.of(ModelFileTest.class.getResource("model-v1.sonemo").toURI());
        assertEquals(1, ByteBuffer.wrap(Files.readAllBytes(v1)).getShort(8));
        ModelFile.Model back = ModelFile.load(v1), fresh = model(false);
        assertEquals(fresh.names(), back.names());
        assertEquals(fresh.training(), back.training());
        double[][] x = PipelineTest.data(20, 4, 99);
        for (Label l : Label.values()) {
            assertEquals(1, back.models().get(l).members().size());
            assertEquals(fresh.models().get(l).options(), back.models().get(l).options());
            assertArrayEquals(fresh.models().get(l).predict(x), back.models().get(l).predict(x), 5e-3, l.name());
        }
    }

    private static void assertMessage(Path f, String part) {
        ModelFile.FormatException e = assertThrows(ModelFile.FormatException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains(part) && e.getMessage().contains(f.toString()), e.getMessage());
    }
}
