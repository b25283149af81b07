package org.sonemo.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Hyper-parameter search scored by inner k-fold RMSE: the full grid, or successive halving
 * (scikit-learn's HalvingGridSearchCV: all candidates on a small seeded subsample, the best
 * 1/factor of them on factor times more data, until one is left or all data is used).
 * Candidates run in parallel; preprocessing (z-scoring, PCA) is fitted once per inner fold and
 * PCA setting. Results depend only on the seed, not on the number of threads.
 */
public final class HyperSearch {
    private HyperSearch() {
    }

    public enum Method { GRID, HALVING }

    /**
     * @param innerFolds  folds of the inner cross-validation
     * @param factor      halving factor (the study: 4)
     * @param minFraction fraction of the training rows in the first halving round (the study: 0.1)
     * @param threads     worker threads (0 = all cores)
     */
    public record Options(Method method, int innerFolds, int factor, double minFraction, long seed, int threads) {
        public static Options halving(long seed) {
            return new Options(Method.HALVING, 3, 4, 0.1, seed, 0);
        }

        public static Options grid(long seed) {
            return new Options(Method.GRID, 3, 4, 1, seed, 0);
        }
    }

    /** @param score the best candidate's mean inner RMSE; evaluations counts candidate-rounds */
    public record Result(PipelineOptions best, double score, int evaluations) {
    }

    public static Result search(double[][] x, double[] y, int[] rows, List<PipelineOptions> grid, Options o) {
        if (grid.isEmpty()) throw new IllegalArgumentException("empty grid");
        if (grid.size() == 1) return new Result(grid.getFirst(), Double.NaN, 0);
        int threads = o.threads() > 0 ? o.threads() : Runtime.getRuntime().availableProcessors();
        int[] perm = rows.clone();
        shuffle(perm, new Random(o.seed()));
        List<Integer> alive = new ArrayList<>(IntStream.range(0, grid.size()).boxed().toList());
        int n = rows.length;
        int r = o.method() == Method.GRID ? n : Math.max((int) Math.ceil(o.minFraction() * n), 2 * o.innerFolds() + 2);
        r = Math.min(r, n);
        int evaluations = 0;
        double[] last = null;
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            for (int round = 0; ; round++) {
                int[] subset = Arrays.copyOf(perm, r);
                double[] scores = evaluate(x, y, subset, grid, alive, o.innerFolds(), o.seed() + round, pool);
                evaluations += alive.size();
                last = scores;
                if (r >= n || alive.size() <= 1) break;
                int keep = Math.max(1, (int) Math.ceil(alive.size() / (double) o.factor()));
                List<Integer> order = rank(alive, scores);
                alive = new ArrayList<>(order.subList(0, keep));
                if (keep == 1) {
                    // one left: score it on all rows for the record
                    r = n;
                    continue;
                }
                r = (int) Math.min(n, (long) r * o.factor());
            }
        }
        List<Integer> order = rank(alive, last);
        int best = order.getFirst();
        return new Result(grid.get(best), last[alive.indexOf(best)], evaluations);
    }

    /** Candidate indices by increasing score (ties by index). */
    private static List<Integer> rank(List<Integer> alive, double[] scores) {
        Integer[] pos = new Integer[alive.size()];
        for (int i = 0; i < pos.length; i++) pos[i] = i;
        Arrays.sort(pos, Comparator.<Integer>comparingDouble(i -> Double.isNaN(scores[i]) ? Double.MAX_VALUE : scores[i])
                .thenComparingInt(alive::get));
        List<Integer> out = new ArrayList<>();
        for (int p : pos) out.add(alive.get(p));
        return out;
    }

    /** Mean inner-fold RMSE of each alive candidate (in alive order). */
    static double[] evaluate(double[][] x, double[] y, int[] subset, List<PipelineOptions> grid, List<Integer> alive,
                             int k, long seed, ForkJoinPool pool) {
        int[] perm = subset.clone();
        shuffle(perm, new Random(seed * 31 + 7));
        int[][] train = new int[k][], test = new int[k][];
        for (int f = 0; f < k; f++) {
            final int ff = f;
            test[f] = IntStream.range(0, perm.length).filter(i -> i % k == ff).map(i -> perm[i]).toArray();
            train[f] = IntStream.range(0, perm.length).filter(i -> i % k != ff).map(i -> perm[i]).toArray();
        }
        Map<String, double[][][]> preps = new ConcurrentHashMap<>(); // key -> per fold [train rows, test rows]
        double[][] perFold = new double[alive.size()][k];
        try {
            pool.submit(() -> IntStream.range(0, alive.size() * k).parallel().forEach(t -> {
                int c = t / k, f = t % k;
                PipelineOptions po = grid.get(alive.get(c));
                String key = po.pcaVariance() + "/" + po.whiten() + "/" + f;
                double[][][] tt = preps.computeIfAbsent(key, kk -> {
                    Pipeline.Prep p = Pipeline.Prep.fit(x, train[f], po.pcaVariance(), po.whiten());
                    return new double[][][]{p.apply(Standardizer.select(x, train[f])), p.apply(Standardizer.select(x, test[f]))};
                });
                double[] ytr = pick(y, train[f]), yte = pick(y, test[f]);
                double s;
                try {
                    Regressor m = Regressor.fit(tt[0], ytr, po.model());
                    double[] pr = m.predict(tt[1]);
                    for (int i = 0; i < pr.length; i++) pr[i] = Math.max(-1, Math.min(1, pr[i])); // as Pipeline.predict
                    s = Metrics.rmse(yte, pr);
                    if (!Double.isFinite(s)) s = Double.NaN;
                } catch (RuntimeException e) {
                    s = Double.NaN; // a candidate the solver cannot fit loses
                }
                perFold[c][f] = s;
            })).get();
        } catch (Exception e) {
            throw new IllegalStateException("hyper-parameter search failed: " + e.getMessage(), e);
        }
        double[] out = new double[alive.size()];
        for (int c = 0; c < out.length; c++) out[c] = Metrics.mean(perFold[c]);
        return out;
    }

    static double[] pick(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = y[rows[i]];
        return out;
    }

    static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
