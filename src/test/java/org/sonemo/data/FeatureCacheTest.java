package org.sonemo.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FeatureCacheTest {
    @TempDir
    Path tmp;

    @Test
    void keyedByContentSetEngineRateAndRevision() throws IOException {
        Path a = tmp.resolve("a.wav"), b = tmp.resolve("copy-of-a.wav"), c = tmp.resolve("c.wav");
        Files.write(a, new byte[]{1, 2, 3});
        Files.write(b, new byte[]{1, 2, 3});
        Files.write(c, new byte[]{1, 2, 4});
        assertEquals(FeatureCache.hash(a), FeatureCache.hash(b));
        assertNotEquals(FeatureCache.hash(a), FeatureCache.hash(c));
        FeatureCache cache = new FeatureCache(tmp.resolve("cache"), new FeatureSource.FeatureInfo("egemaps", "native", 0), "r1");
        cache.put(FeatureCache.hash(a), new double[]{1.5, -2, Double.NaN});
        cache.putNames(List.of("x", "y", "z"));
        assertArrayEquals(new double[]{1.5, -2, Double.NaN}, cache.get(FeatureCache.hash(b)).orElseThrow());
        assertTrue(cache.get(FeatureCache.hash(c)).isEmpty());
        assertEquals(List.of("x", "y", "z"), cache.names().orElseThrow());
        FeatureCache other = new FeatureCache(tmp.resolve("cache"), new FeatureSource.FeatureInfo("egemaps", "native", 16000), "r1");
        assertTrue(other.get(FeatureCache.hash(a)).isEmpty(), "another rate is another cache");
        FeatureCache newer = new FeatureCache(tmp.resolve("cache"), new FeatureSource.FeatureInfo("egemaps", "native", 0), "r2");
        assertTrue(newer.get(FeatureCache.hash(a)).isEmpty(), "another revision of the extraction is another cache");
        // a truncated entry is a miss, not garbage
        Path entry = cache.dir().resolve(FeatureCache.hash(a) + ".f64");
        Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 10));
        assertTrue(cache.get(FeatureCache.hash(a)).isEmpty());
    }

    @Test
    void csvFeaturesMatchByIdOrFileName() throws IOException {
        Path f = tmp.resolve("f.csv");
        Files.writeString(f, "file,f1,f2\naudio/x.wav,1,2\ny.wav,3,\n");
        CsvFeatures cf = new CsvFeatures(f, new FeatureSource.FeatureInfo("egemaps", "reference", 0));
        FeatureMatrix m = cf.features(List.of(new Clip("audio/x.wav", null, 0, 0, "d", null),
                new Clip("id2", tmp.resolve("y.wav"), 0, 0, "d", null)));
        assertEquals(List.of("f1", "f2"), m.names());
        assertEquals(2, m.rows()[0][1]);
        assertTrue(Double.isNaN(m.rows()[1][1]));
        assertThrows(DataException.class, () -> cf.features(List.of(new Clip("nope", null, 0, 0, "d", null))));
    }
}
