package org.sonemo.opensmile;

import org.junit.jupiter.api.Test;
import org.sonemo.audio.AudioFiles;
import org.sonemo.features.ExtractorPool;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.Level;
import org.sonemo.testing.Corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parity with an outside reference: eGeMAPSv02 functionals of every TAVA clip, computed by the
 * dataset's authors with the {@code opensmile} Python package 2.5.1 (openSMILE 3.0.2) from the
 * same WAV files. Every one of the 88 values of every clip must agree within 1e-4 relative or
 * 1e-6 absolute. The Python package feeds int16 (x 32768) which openSMILE divides by 32767; our
 * default {@code InputScale.OPENSMILE_INT16} reproduces that on float input.
 */
class TavaParityTest {
    static final double REL = 1e-4;
    static final double ABS = 1e-6;

    record Ref(String file, double[] values) {
    }

    record Miss(String file, String feature, double ours, double theirs) {
        double rel() {
            return Math.abs(ours - theirs) / Math.max(Math.abs(theirs), 1e-30);
        }
    }

    @Test
    void everyClipMatchesTheReferenceOnAll88Functionals() throws IOException {
        Path tava = Corpus.require("tava");
        List<String> lines = Files.readAllLines(tava.resolve("reference/egemapsv02_functionals.csv"));
        List<String> header = Arrays.asList(lines.getFirst().split(","));
        List<String> refNames = header.subList(1, header.size());
        List<Ref> refs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double[] v = new double[f.length - 1];
            for (int i = 1; i < f.length; i++) v[i - 1] = Double.parseDouble(f[i]);
            refs.add(new Ref(f[0], v));
        }
        assertEquals(375, refs.size(), "clips in the reference");

        ExtractorSpec spec = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS);
        List<Miss> misses = new ArrayList<>();
        int[] compared = {0};
        double[] worst = {0, 0}; // largest relative error (where |ref| > 1e-6), largest absolute error
        try (ExtractorPool pool = new ExtractorPool(spec, 2)) {
            pool.extractAll(refs, r -> AudioFiles.read(tava.resolve(r.file())), false, o -> {
                assertTrue(o.ok(), () -> o.input().file() + ": " + o.error());
                var t = o.tables().getFirst();
                assertEquals(refNames, t.names(), "feature names and order");
                for (int i = 0; i < refNames.size(); i++) {
                    double ours = t.get(0, i);
                    double theirs = o.input().values()[i];
                    compared[0]++;
                    double diff = Math.abs(ours - theirs);
                    worst[1] = Math.max(worst[1], diff);
                    if (Math.abs(theirs) > ABS) worst[0] = Math.max(worst[0], diff / Math.abs(theirs));
                    if (Math.abs(ours - theirs) > ABS && Math.abs(ours - theirs) > REL * Math.abs(theirs)) {
                        misses.add(new Miss(o.input().file(), refNames.get(i), ours, theirs));
                    }
                }
            });
        }
        assertEquals(375 * 88, compared[0]);
        System.out.printf("TAVA parity: %d values, largest relative error %.3g, largest absolute error %.3g%n",
                compared[0], worst[0], worst[1]);
        misses.sort(Comparator.comparingDouble(Miss::rel).reversed());
        assertTrue(misses.isEmpty(), () -> misses.size() + " of " + compared[0] + " values differ; worst: "
                + misses.subList(0, Math.min(10, misses.size())));
    }
}
