package org.sonemo.learn;

import org.sonemo.data.Clip;
import org.sonemo.data.Dataset;
import org.sonemo.data.FeatureMatrix;
import org.sonemo.data.Label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The study's protocol on two domains A and B: k folds per domain (Ward-stratified on
 * (arousal, valence), groups kept on one side), and for every fold, training sets made of A's
 * training part plus a fraction p of B's (and B's plus p of A's), each tested on A's and B's
 * test parts. Hyper-parameters are searched, and an ensemble selected, on each training set only
 * (nested), each domain in it counting equally in the inner score. Features are z-scored pooled
 * or per domain ({@link Normalisation}). Optionally
 * the constant-total variant: as many training clips as the smaller training part, a fraction
 * p of them from B.
 */
public final class Experiment {
    private Experiment() {
    }

    /** A domain: its dataset and the feature rows of its clips (same order). */
    public record Domain(Dataset data, FeatureMatrix features) {
        public String name() {
            return data.name();
        }
    }

    /**
     * @param grids model name (svr, linear) to its grid
     */
    public record Config(List<Label> labels, Map<String, List<PipelineOptions>> grids, double[] ratios, int folds,
                         int minCluster, boolean groups, boolean constantTotal, long seed, HyperSearch.Options search,
                         Normalisation normalisation) {
        /** Pooled z-scoring (the study's). */
        public Config(List<Label> labels, Map<String, List<PipelineOptions>> grids, double[] ratios, int folds,
                      int minCluster, boolean groups, boolean constantTotal, long seed, HyperSearch.Options search) {
            this(labels, grids, ratios, folds, minCluster, groups, constantTotal, seed, search, Normalisation.POOLED);
        }
    }

    /** One training set of one fold tested on one domain. */
    public record FoldResult(String model, Label label, String training, double p, int fold, String tested,
                             boolean signOnly, int nTrain, int nTest, double r2, double rmse, double mae,
                             double signAccuracy, double auc, String chosen, double seconds) {
    }

    public record Prediction(String model, Label label, String training, int fold, String domain, String id,
                             double truth, double predicted) {
    }

    /** The folds used, for export: clip id, domain and fold. */
    public record FoldAssignment(String domain, String id, int fold) {
    }

    public record Results(List<FoldResult> folds, List<Prediction> predictions, List<FoldAssignment> assignment,
                          double seconds) {
    }

    /** A training set specification: fraction of A's and of B's training parts, or counts (constant total). */
    record TrainSpec(String name, double p, double fracA, double fracB, boolean constant) {
    }

    public static Results run(Domain a, Domain b, Config c, Consumer<String> log) {
        long t0 = System.nanoTime();
        if (!a.features().names().equals(b.features().names())) {
            throw new IllegalArgumentException("the two domains have different features");
        }
        Domain da = complete(a, log), db = complete(b, log);
        int na = da.data().size(), nb = db.data().size();
        double[][] x = new double[na + nb][];
        for (int i = 0; i < na; i++) x[i] = da.features().rows()[i];
        for (int i = 0; i < nb; i++) x[na + i] = db.features().rows()[i];
        int[] domain = new int[na + nb]; // 0 for A's rows, 1 for B's: the search scores each domain equally
        Arrays.fill(domain, na, na + nb, 1);
        int[] clA = strata(da, c.minCluster()), clB = strata(db, c.minCluster());
        int[] foldA = Folds.assign(clA, groups(da, c.groups()), c.folds(), c.seed());
        int[] foldB = Folds.assign(clB, groups(db, c.groups()), c.folds(), c.seed() + 1);
        List<FoldAssignment> assignment = new ArrayList<>();
        for (int i = 0; i < na; i++) assignment.add(new FoldAssignment(da.name(), da.data().clips().get(i).id(), foldA[i]));
        for (int i = 0; i < nb; i++) assignment.add(new FoldAssignment(db.name(), db.data().clips().get(i).id(), foldB[i]));

        List<TrainSpec> specs = trainSpecs(c, da.name(), db.name());
        List<FoldResult> out = new ArrayList<>();
        List<Prediction> preds = new ArrayList<>();
        for (Label label : c.labels()) {
            double[] y = new double[na + nb];
            for (int i = 0; i < na; i++) y[i] = da.data().clips().get(i).label(label);
            for (int i = 0; i < nb; i++) y[na + i] = db.data().clips().get(i).label(label);
            for (var g : c.grids().entrySet()) {
                for (TrainSpec s : specs) {
                    for (int f = 0; f < c.folds(); f++) {
                        long seed = c.seed() * 1_000_003L + f * 7919L + s.name().hashCode();
                        int[] trA = Folds.select(foldA, f, false), teA = Folds.select(foldA, f, true);
                        int[] trB = Folds.select(foldB, f, false), teB = Folds.select(foldB, f, true);
                        int[] pickA, pickB;
                        if (s.constant()) {
                            int total = Math.min(trA.length, trB.length);
                            int nB = (int) Math.round(s.p() * total);
                            pickA = Folds.sampleCount(trA, clA, total - nB, seed);
                            pickB = Folds.sampleCount(trB, clB, nB, seed + 1);
                        } else {
                            pickA = Folds.sample(trA, clA, s.fracA(), seed);
                            pickB = Folds.sample(trB, clB, s.fracB(), seed + 1);
                        }
                        int[] train = IntStream.concat(Arrays.stream(pickA), Arrays.stream(pickB).map(i -> i + na)).toArray();
                        if (train.length < 10) continue;
                        long ts = System.nanoTime();
                        // per domain: statistics of each domain's training part (features only), the main domain's rows unchanged
                        double[][] xs = c.normalisation().aligns(pickA.length, pickB.length)
                                ? Normalisation.align(x, domain, new int[][]{trA, Normalisation.shift(trB, na)}, Normalisation.largest(pickA.length, pickB.length))
                                : x;
                        HyperSearch.Result r = HyperSearch.search(xs, y, train, domain, g.getValue(), c.search().withSeed(seed));
                        Ensemble p = Ensemble.fit(xs, y, train, r);
                        double secs = (System.nanoTime() - ts) / 1e9;
                        for (int side = 0; side < 2; side++) {
                            Domain d = side == 0 ? da : db;
                            int off = side == 0 ? 0 : na;
                            int[] te = side == 0 ? teA : teB;
                            int[] rows = Normalisation.shift(te, off);
                            double[] truth = HyperSearch.pick(y, rows);
                            double[] pred = p.predict(Standardizer.select(xs, rows));
                            out.add(new FoldResult(g.getKey(), label, s.name(), s.p(), f, d.name(), d.data().signOnly(),
                                    train.length, te.length, Metrics.r2(truth, pred), Metrics.rmse(truth, pred),
                                    Metrics.mae(truth, pred), Metrics.signAccuracy(truth, pred), Metrics.rocAuc(truth, pred),
                                    r.describe(), secs));
                            for (int i = 0; i < te.length; i++) {
                                preds.add(new Prediction(g.getKey(), label, s.name(), f, d.name(),
                                        d.data().clips().get(te[i]).id(), truth[i], pred[i]));
                            }
                        }
                    }
                    if (log != null) log.accept(String.format(java.util.Locale.ROOT, "%s %s %-16s done (%.0f s elapsed)",
                            label.key(), g.getKey(), s.name(), (System.nanoTime() - t0) / 1e9));
                }
            }
        }
        return new Results(out, preds, assignment, (System.nanoTime() - t0) / 1e9);
    }

    static List<TrainSpec> trainSpecs(Config c, String a, String b) {
        List<TrainSpec> s = new ArrayList<>();
        for (double p : c.ratios()) {
            if (p == 1) continue;
            s.add(new TrainSpec(p == 0 ? a : a + "+" + fmt(p) + "·" + b, p, 1, p, false));
        }
        for (double p : c.ratios()) {
            if (p == 1) continue;
            s.add(new TrainSpec(p == 0 ? b : b + "+" + fmt(p) + "·" + a, p, p, 1, false));
        }
        if (Arrays.stream(c.ratios()).anyMatch(p -> p == 1)) s.add(new TrainSpec(a + "+" + b, 1, 1, 1, false));
        if (c.constantTotal()) {
            for (double p : c.ratios()) s.add(new TrainSpec("const " + fmt(p) + "·" + b, p, 0, 0, true));
        }
        return s;
    }

    static String fmt(double p) {
        return ModelOptions.fmt(p);
    }

    /** Drops clips without both labels (they cannot be stratified). */
    private static Domain complete(Domain d, Consumer<String> log) {
        List<Clip> kept = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < d.data().size(); i++) {
            Clip cl = d.data().clips().get(i);
            if (Double.isFinite(cl.arousal()) && Double.isFinite(cl.valence())) {
                kept.add(cl);
                rows.add(d.features().rows()[i]);
                ids.add(d.features().ids().get(i));
            }
        }
        if (kept.size() < d.data().size() && log != null) {
            log.accept(d.name() + ": " + (d.data().size() - kept.size()) + " clips without both labels left out");
        }
        return new Domain(d.data().withClips(kept), new FeatureMatrix(d.features().names(), ids, rows.toArray(double[][]::new)));
    }

    static int[] strata(Domain d, int minCluster) {
        double[][] av = d.data().clips().stream().map(c -> new double[]{c.arousal(), c.valence()}).toArray(double[][]::new);
        return Folds.clusters(av, minCluster);
    }

    static String[] groups(Domain d, boolean use) {
        return use ? d.data().clips().stream().map(Clip::group).toArray(String[]::new) : null;
    }

    /** Per (model, label, training, tested): summaries over folds. */
    public record Cell(String model, Label label, String training, double p, String tested, boolean signOnly,
                       Metrics.Summary r2, Metrics.Summary rmse, Metrics.Summary mae, Metrics.Summary signAccuracy,
                       Metrics.Summary auc) {
    }

    public static List<Cell> summarise(List<FoldResult> folds) {
        Map<String, List<FoldResult>> by = new LinkedHashMap<>();
        for (FoldResult f : folds) {
            by.computeIfAbsent(f.model() + "\u0000" + f.label() + "\u0000" + f.training() + "\u0000" + f.tested(), k -> new ArrayList<>()).add(f);
        }
        List<Cell> out = new ArrayList<>();
        for (List<FoldResult> l : by.values()) {
            FoldResult f = l.getFirst();
            out.add(new Cell(f.model(), f.label(), f.training(), f.p(), f.tested(), f.signOnly(),
                    Metrics.Summary.of(l.stream().mapToDouble(FoldResult::r2).toArray()),
                    Metrics.Summary.of(l.stream().mapToDouble(FoldResult::rmse).toArray()),
                    Metrics.Summary.of(l.stream().mapToDouble(FoldResult::mae).toArray()),
                    Metrics.Summary.of(l.stream().mapToDouble(FoldResult::signAccuracy).toArray()),
                    Metrics.Summary.of(l.stream().mapToDouble(FoldResult::auc).toArray())));
        }
        return out;
    }
}
