package org.sonemo.learn;

import org.junit.jupiter.api.Test;
import org.sonemo.data.Clip;
import org.sonemo.data.Dataset;
import org.sonemo.data.FeatureMatrix;
import org.sonemo.data.Label;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class NormalisationTest {
    /** Rows 0-59 domain 0, rows 60-99 domain 1 (shifted and scaled). */
    static double[][] twoDomains() {
        double[][] x = PipelineTest.data(100, 4, 11);
        for (int i = 60; i < 100; i++) for (int j = 0; j < 4; j++) x[i][j] = 3 * x[i][j] + 7 - j;
        return x;
    }

    static final int[] DOMAIN = IntStream.range(0, 100).map(i -> i < 60 ? 0 : 1).toArray();

    @Test
    void otherDomainGetsItsOwnZScoresAndReferenceRowsStay() {
        double[][] x = twoDomains();
        int[] fit0 = IntStream.range(0, 45).toArray(), fit1 = IntStream.range(60, 90).toArray();
        double[][] a = Normalisation.align(x, DOMAIN, new int[][]{fit0, fit1}, 0);
        for (int i = 0; i < 60; i++) assertSame(x[i], a[i], "reference rows untouched");
        // the pipeline's z-scoring, fitted on reference training rows, then gives domain 1 its own z-scores
        double[][] viaPipeline = Standardizer.fit(a, fit0).apply(Standardizer.select(a, IntStream.range(60, 100).toArray()));
        double[][] own = Standardizer.fit(x, fit1).apply(Standardizer.select(x, IntStream.range(60, 100).toArray()));
        for (int i = 0; i < own.length; i++) assertArrayEquals(own[i], viaPipeline[i], 1e-12, "row " + (60 + i));
    }

    @Test
    void statisticsComeFromTheFitRowsOnly() {
        double[][] x = twoDomains();
        int[][] fit = {IntStream.range(0, 45).toArray(), IntStream.range(60, 90).toArray()};
        double[][] before = Normalisation.align(x, DOMAIN, fit, 0);
        double[][] y = x.clone();
        y[50] = new double[]{1e6, -1e6, 1e6, 5}; // test rows of both domains changed
        y[95] = new double[]{-1e6, 1e6, 3, 1e9};
        double[][] after = Normalisation.align(y, DOMAIN, fit, 0);
        for (int i = 0; i < 100; i++) {
            if (i == 50 || i == 95) continue;
            assertArrayEquals(before[i], after[i], 0, "row " + i + " depends on a test row");
        }
        y[70] = new double[]{1e6, -1e6, 1e6, 5}; // a fit row of domain 1 does matter
        assertFalse(java.util.Arrays.equals(before[80], Normalisation.align(y, DOMAIN, fit, 0)[80]));
    }

    @Test
    void parsesAndNamesTheMainDomain() {
        assertEquals(Normalisation.PER_DOMAIN, Normalisation.parse("per-domain"));
        assertEquals(Normalisation.POOLED, Normalisation.parse("pooled"));
        assertEquals(Normalisation.UNSEEN_DOMAIN, Normalisation.parse("unseen-domain"));
        assertThrows(IllegalArgumentException.class, () -> Normalisation.parse("corpus"));
        assertFalse(Normalisation.POOLED.aligns(0, 192));
        assertTrue(Normalisation.PER_DOMAIN.aligns(300, 192));
        assertTrue(Normalisation.UNSEEN_DOMAIN.aligns(0, 192));
        assertFalse(Normalisation.UNSEEN_DOMAIN.aligns(300, 48), "joint training stays pooled");
        assertEquals(1, Normalisation.largest(0, 192));
        assertEquals(0, Normalisation.largest(300, 192));
        assertEquals(0, Normalisation.largest(5, 5));
    }

    /**
     * Domain b is domain a's kind of data with every feature shifted and scaled (a recording
     * chain's offset). Trained on one domain alone, the model's own domain must not change by a
     * bit; tested on the other, per-domain z-scoring undoes the offset that pooled z-scoring
     * extrapolates from.
     */
    @Test
    void experimentSingleDomainCellsUnchangedAndOffsetRemoved() {
        Experiment.Domain a = FoldsTest.synthetic("a", 120, 5, true), b = shifted(FoldsTest.synthetic("b", 90, 6, false));
        Map<String, List<PipelineOptions>> grid = Map.of("linear", List.of(new PipelineOptions(1, false, ModelOptions.Linear.ridge(0.01))));
        Experiment.Results pooled = Experiment.run(a, b, config(grid, Normalisation.POOLED), null);
        Experiment.Results per = Experiment.run(a, b, config(grid, Normalisation.PER_DOMAIN), null);
        assertEquals(pooled.folds().size(), per.folds().size());
        assertEquals(pooled.predictions().size(), per.predictions().size());
        for (int i = 0; i < pooled.predictions().size(); i++) {
            var p = pooled.predictions().get(i);
            var q = per.predictions().get(i);
            assertEquals(p.id(), q.id());
            if (p.training().equals(p.domain())) assertEquals(p.predicted(), q.predicted(), 0, "in-domain " + p);
        }
        double pooledTransfer = cell(pooled, "a", "b"), perTransfer = cell(per, "a", "b");
        assertTrue(pooledTransfer < 0, "pooled extrapolates: " + pooledTransfer);
        assertTrue(perTransfer > 0.8, "per-domain removes the offset: " + perTransfer);
        assertTrue(cell(per, "b", "a") > 0.8, "and the other way: " + cell(per, "b", "a"));
        assertTrue(cell(per, "a+b", "a") > cell(pooled, "a+b", "a"), "joint training no longer mixes two scales");
        // unseen-domain: a single domain's models as per-domain, the joint model as pooled, to the bit
        Experiment.Results unseen = Experiment.run(a, b, config(grid, Normalisation.UNSEEN_DOMAIN), null);
        for (int i = 0; i < pooled.predictions().size(); i++) {
            var u = unseen.predictions().get(i);
            var expected = (u.training().equals("a+b") ? pooled : per).predictions().get(i);
            assertEquals(expected.id(), u.id());
            assertEquals(expected.predicted(), u.predicted(), 0, u.toString());
        }
    }

    static Experiment.Config config(Map<String, List<PipelineOptions>> grid, Normalisation n) {
        return new Experiment.Config(List.of(Label.AROUSAL), grid, new double[]{0, 1}, 5, 10, true, false, 1, HyperSearch.Options.grid(1), n);
    }

    static double cell(Experiment.Results r, String training, String tested) {
        return Experiment.summarise(r.folds()).stream().filter(c -> c.training().equals(training) && c.tested().equals(tested))
                .findFirst().orElseThrow().r2().mean();
    }

    static Experiment.Domain shifted(Experiment.Domain d) {
        double[][] rows = d.features().rows();
        double[][] x = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            x[i] = rows[i].clone();
            for (int j = 0; j < x[i].length; j++) x[i][j] = 2.5 * x[i][j] + (j % 2 == 0 ? 4 : -4);
        }
        List<Clip> clips = new ArrayList<>(d.data().clips());
        Dataset ds = d.data().withClips(clips);
        return new Experiment.Domain(ds, new FeatureMatrix(d.features().names(), d.features().ids(), x));
    }
}
