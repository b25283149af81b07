package org.sonemo.learn;

import org.junit.jupiter.api.Test;
import org.sonemo.data.Clip;
import org.sonemo.data.Dataset;
import org.sonemo.data.FeatureMatrix;
import org.sonemo.data.Label;
import org.sonemo.data.LabelScale;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class FoldsTest {
    static double[][] blobs(int perBlob, long seed) {
        Random r = new Random(seed);
        double[][] centres = {{0.6, 0.6}, {0.6, -0.6}, {-0.6, -0.6}, {-0.6, 0.6}};
        double[][] out = new double[4 * perBlob][];
        for (int i = 0; i < out.length; i++) {
            double[] c = centres[i % 4];
            out[i] = new double[]{c[0] + 0.1 * r.nextGaussian(), c[1] + 0.1 * r.nextGaussian()};
        }
        return out;
    }

    @Test
    void wardClustersRespectMinimumSize() {
        double[][] av = blobs(40, 1);
        int[] cl = Folds.clusters(av, 25);
        Map<Integer, Integer> count = new HashMap<>();
        for (int c : cl) count.merge(c, 1, Integer::sum);
        assertTrue(count.size() >= 4, "four well separated blobs give at least four clusters: " + count);
        assertTrue(count.values().stream().allMatch(n -> n >= 25), count.toString());
        // each blob lies within one cluster
        for (int b = 0; b < 4; b++) {
            Set<Integer> s = new HashSet<>();
            for (int i = b; i < av.length; i += 4) s.add(cl[i]);
            assertEquals(1, s.size());
        }
        assertEquals(1, Arrays.stream(Folds.clusters(blobs(5, 1), 25)).distinct().count(), "too few points: one cluster");
    }

    @Test
    void stratifiedEvenlyAndReproducible() {
        double[][] av = blobs(50, 2);
        int[] cl = Folds.clusters(av, 25);
        int[] f = Folds.assign(cl, null, 5, 7);
        assertArrayEquals(f, Folds.assign(cl, null, 5, 7), "same seed, same folds");
        assertFalse(Arrays.equals(f, Folds.assign(cl, null, 5, 8)), "another seed shuffles");
        int k = Arrays.stream(cl).max().orElse(0) + 1;
        for (int c = 0; c < k; c++) {
            int[] per = new int[5];
            for (int i = 0; i < f.length; i++) if (cl[i] == c) per[f[i]]++;
            int min = Arrays.stream(per).min().orElseThrow(), max = Arrays.stream(per).max().orElseThrow();
            assertTrue(max - min <= 1, "cluster " + c + " spread " + Arrays.toString(per));
        }
    }

    @Test
    void groupsStayOnOneSide() {
        double[][] av = blobs(50, 3);
        String[] groups = new String[av.length];
        for (int i = 0; i < av.length; i++) groups[i] = "speaker" + (i % 17);
        int[] f = Folds.assign(Folds.clusters(av, 25), groups, 5, 1);
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < f.length; i++) {
            Integer prev = foldOf.putIfAbsent(groups[i], f[i]);
            assertTrue(prev == null || prev == f[i], "group " + groups[i] + " in two folds");
        }
        int[] size = new int[5];
        for (int x : f) size[x]++;
        assertTrue(Arrays.stream(size).allMatch(s -> s >= 24), Arrays.toString(size));
    }

    @Test
    void fractionSampleIsStratifiedSubsetOfTraining() {
        double[][] av = blobs(50, 4);
        int[] cl = Folds.clusters(av, 25);
        int[] f = Folds.assign(cl, null, 5, 1);
        int[] train = Folds.select(f, 0, false);
        for (double p : new double[]{0, 0.25, 0.5, 0.75, 1}) {
            int[] s = Folds.sample(train, cl, p, 3);
            assertEquals(Math.round(p * train.length), s.length);
            Set<Integer> tr = new HashSet<>();
            for (int i : train) tr.add(i);
            for (int i : s) assertTrue(tr.contains(i), "sampled clip outside the training part");
            assertEquals(s.length, Arrays.stream(s).distinct().count());
        }
        int[] half = Folds.sample(train, cl, 0.5, 3);
        int k = Arrays.stream(cl).max().orElse(0) + 1;
        for (int c = 0; c < k; c++) {
            final int cc = c;
            long all = Arrays.stream(train).filter(i -> cl[i] == cc).count();
            long got = Arrays.stream(half).filter(i -> cl[i] == cc).count();
            assertEquals(all / 2.0, got, 1.5, "cluster " + c);
        }
    }

    /** Runs the whole protocol on synthetic domains and checks that no test clip is ever trained on. */
    @Test
    void experimentNeverTrainsOnTestClips() {
        Experiment.Domain a = synthetic("a", 120, 5, true), b = synthetic("b", 80, 6, false);
        Experiment.Config c = new Experiment.Config(List.of(Label.AROUSAL), Map.of("linear", List.of(new PipelineOptions(1, false, ModelOptions.Linear.ridge(0.01)))),
                new double[]{0, 0.5, 1}, 5, 10, true, true, 1, HyperSearch.Options.grid(1));
        Experiment.Results r = Experiment.run(a, b, c, null);
        Map<String, Integer> fold = new HashMap<>();
        for (var x : r.assignment()) fold.put(x.domain() + "/" + x.id(), x.fold());
        // every prediction is for a clip in its fold's test part
        for (var p : r.predictions()) assertEquals(p.fold(), fold.get(p.domain() + "/" + p.id()));
        // 3 + 3 - 1 training sets + 3 constant-total ones, 5 folds, 2 tested domains
        assertEquals((5 + 3) * 5 * 2, r.folds().size());
        for (var f : r.folds()) {
            if (f.training().equals("a")) assertTrue(f.nTrain() >= 90 && f.nTrain() <= 100, "a only: " + f.nTrain());
            if (f.training().equals("a+0.5·b")) assertEquals(f.nTrain(), 96 + 32, 6);
        }
        // the linear target is learnable: sanity of the wiring, not a quality claim
        double r2 = Experiment.summarise(r.folds()).stream().filter(x -> x.training().equals("a+b") && x.tested().equals("a"))
                .findFirst().orElseThrow().r2().mean();
        assertTrue(r2 > 0.8, "r2 " + r2);
    }

    static Experiment.Domain synthetic(String name, int n, long seed, boolean groups) {
        Random r = new Random(seed);
        List<Clip> clips = new ArrayList<>();
        double[][] x = new double[n][6];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) x[i][j] = r.nextGaussian();
            double a = Math.tanh(0.5 * x[i][0] - 0.3 * x[i][1] + 0.05 * r.nextGaussian());
            double v = Math.tanh(0.4 * x[i][2] + 0.05 * r.nextGaussian());
            clips.add(new Clip(name + i, Path.of(name + i + ".wav"), a, v, name, groups ? "g" + (i % 12) : null));
            ids.add(name + i);
        }
        Dataset d = new Dataset(name, "manifest", Path.of(name), LabelScale.UNIT, false, clips, 0, List.of());
        return new Experiment.Domain(d, new FeatureMatrix(List.of("f0", "f1", "f2", "f3", "f4", "f5"), ids, x));
    }
}
