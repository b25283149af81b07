package org.sonemo.learn;

import org.junit.jupiter.api.Test;
import org.sonemo.data.Clip;
import org.sonemo.data.CsvFeatures;
import org.sonemo.data.Dataset;
import org.sonemo.data.Datasets;
import org.sonemo.data.FeatureMatrix;
import org.sonemo.data.FeatureSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The pipeline on real data: TAVA with the dataset authors' eGeMAPS functionals, speakers kept out of their test folds. */
class TavaReferenceTest {
    @Test
    void arousalFromReferenceFeatures() throws IOException {
        Path root = org.sonemo.testing.Corpus.require("tava");
        Dataset d = Datasets.load("tava:" + root);
        FeatureMatrix fm = new CsvFeatures(root.resolve("reference/egemapsv02_functionals.csv"),
                new FeatureSource.FeatureInfo("egemaps", "reference", 0)).features(d.clips());
        assertEquals(88, fm.names().size());
        double[][] x = fm.rows();
        double[] y = d.clips().stream().mapToDouble(Clip::arousal).toArray();
        double[][] av = d.clips().stream().map(c -> new double[]{c.arousal(), c.valence()}).toArray(double[][]::new);
        int[] fold = Folds.assign(Folds.clusters(av, 25), d.clips().stream().map(Clip::group).toArray(String[]::new), 5, 1);
        double[] r2 = new double[5];
        for (int f = 0; f < 5; f++) {
            int[] tr = Folds.select(fold, f, false), te = Folds.select(fold, f, true);
            for (int i : te) for (int j : tr) assertNotEquals(d.clips().get(i).group(), d.clips().get(j).group());
            Pipeline p = Pipeline.fit(x, y, tr, new PipelineOptions(1, false, ModelOptions.Svr.rbf(1, 0.1, ModelOptions.GAMMA_SCALE)));
            r2[f] = Metrics.r2(HyperSearch.pick(y, te), p.predict(Standardizer.select(x, te)));
        }
        Metrics.Summary s = Metrics.Summary.of(r2);
        System.out.println("TAVA arousal, reference eGeMAPS, RBF-SVR C=1 eps=0.1 gamma=scale, speaker-grouped 5 folds: R² " + s + " " + Arrays.toString(r2));
        assertTrue(s.mean() > 0.6, "R² " + s);
    }
}
