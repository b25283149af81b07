package org.sonemo.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Hyper-parameter search by inner k-fold cross-validation on the training rows only: the full
 * grid, or successive halving (scikit-learn's HalvingGridSearchCV: all candidates on a small
 * seeded subsample, the best 1/factor of them on factor times more data, until all data is used
 * or one is left), followed by ensemble selection over the last round's candidates.
 * <p>
 * Score: every candidate's out-of-fold predictions (clipped to [-1, 1], as the fitted pipeline
 * predicts) give, per domain present in the training rows, the MSE divided by the variance of
 * that domain's targets (1 - R²); the score is the mean over domains (lower is better). With one
 * domain this ranks as the RMSE does; with two (joint training) each domain counts equally,
 * whatever its size and label spread (4Q's +-1 signs would otherwise outweigh TAVA's ratings).
 * <p>
 * Ensemble selection (Caruana et al. 2004, "Ensemble selection from libraries of models", as
 * auto-sklearn uses it): starting from nothing, {@code ensemble} times add (with replacement)
 * the candidate whose out-of-fold predictions give the running average the lowest score; the
 * weights are the counts. {@code ensemble = 1} is the single best candidate. Averaging
 * near-equivalent candidates makes the choice less dependent on one inner split: a single
 * winner among 150 finalists is partly the luckiest one.
 * <p>
 * Candidates run in parallel; preprocessing (z-scoring, PCA) is fitted once per inner fold and
 * PCA setting. Results depend only on the seed, not on the number of threads.
 */
public final class HyperSearch {
    private HyperSearch() {
    }

    public enum Method { GRID, HALVING }

    /** Ensemble selection steps by default (auto-sklearn's ensemble_size). */
    public static final int DEFAULT_ENSEMBLE = 50;

    /**
     * @param innerFolds  folds of the inner cross-validation
     * @param factor      halving factor (the study: 4)
     * @param minFraction fraction of the training rows in the first halving round (the study: 0.1)
     * @param threads     worker threads (0 = all cores)
     * @param ensemble    ensemble selection steps (1 = the single best candidate)
     */
    public record Options(Method method, int innerFolds, int factor, double minFraction, long seed, int threads, int ensemble) {
        public Options {
            if (ensemble < 1) throw new IllegalArgumentException("ensemble must be >= 1: " + ensemble);
        }

        public static Options halving(long seed) {
            return new Options(Method.HALVING, 3, 4, 0.1, seed, 0, DEFAULT_ENSEMBLE);
        }

        public static Options grid(long seed) {
            return new Options(Method.GRID, 3, 4, 1, seed, 0, DEFAULT_ENSEMBLE);
        }

        public Options withSeed(long s) {
            return new Options(method, innerFolds, factor, minFraction, s, threads, ensemble);
        }

        public Options withThreads(int t) {
            return new Options(method, innerFolds, factor, minFraction, seed, t, ensemble);
        }

        public Options withEnsemble(int e) {
            return new Options(method, innerFolds, factor, minFraction, seed, threads, e);
        }
    }

    /** A candidate of the selected ensemble with its weight (weights sum to 1). */
    public record Member(PipelineOptions options, double weight) {
    }

    /**
     * @param best        the best single candidate of the last round
     * @param bestScore   its score (mean over domains of out-of-fold 1 - R²)
     * @param members     the selected ensemble, by decreasing weight
     * @param score       the ensemble's out-of-fold score
     * @param evaluations candidate-rounds evaluated
     */
    public record Result(PipelineOptions best, double bestScore, List<Member> members, double score, int evaluations) {
        public String describe() {
            return Ensemble.describe(members.stream().map(Member::options).toList(),
                    members.stream().mapToDouble(Member::weight).toArray());
        }
    }

    /** Search with all rows in one domain. */
    public static Result search(double[][] x, double[] y, int[] rows, List<PipelineOptions> grid, Options o) {
        return search(x, y, rows, null, grid, o);
    }

    /**
     * @param domain the domain of each row of x (null: one domain); the score averages over domains
     */
    public static Result search(double[][] x, double[] y, int[] rows, int[] domain, List<PipelineOptions> grid, Options o) {
        if (grid.isEmpty()) throw new IllegalArgumentException("empty grid");
        if (grid.size() == 1) return new Result(grid.getFirst(), Double.NaN, List.of(new Member(grid.getFirst(), 1)), Double.NaN, 0);
        int threads = o.threads() > 0 ? o.threads() : Runtime.getRuntime().availableProcessors();
        int[] perm = rows.clone();
        shuffle(perm, new Random(o.seed()));
        List<Integer> alive = new ArrayList<>(IntStream.range(0, grid.size()).boxed().toList());
        int n = rows.length;
        int r = o.method() == Method.GRID ? n : Math.max((int) Math.ceil(o.minFraction() * n), 2 * o.innerFolds() + 2);
        r = Math.min(r, n);
        int evaluations = 0;
        double[][] oof;
        double[] scores;
        int[] subset;
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            for (int round = 0; ; round++) {
                subset = Arrays.copyOf(perm, r);
                oof = outOfFold(x, y, subset, grid, alive, o.innerFolds(), o.seed() + round, pool);
                Scorer scorer = new Scorer(y, subset, domain);
                scores = new double[alive.size()];
                for (int c = 0; c < scores.length; c++) scores[c] = scorer.score(oof[c]);
                evaluations += alive.size();
                if (r >= n || alive.size() <= 1) break;
                int keep = Math.max(1, (int) Math.ceil(alive.size() / (double) o.factor()));
                alive = new ArrayList<>(rank(alive, scores).subList(0, keep));
                if (keep == 1) {
                    // one left: score it on all rows for the record
                    r = n;
                    continue;
                }
                r = (int) Math.min(n, (long) r * o.factor());
            }
        }
        List<Integer> order = rank(alive, scores);
        int best = order.getFirst();
        Scorer scorer = new Scorer(y, subset, domain);
        int[] counts = new int[grid.size()];
        double[] sum = new double[subset.length], avg = new double[subset.length];
        double ensembleScore = Double.NaN;
        for (int step = 1; step <= o.ensemble(); step++) {
            int pick = -1;
            double pickScore = Double.POSITIVE_INFINITY;
            for (int cand : order) {
                double[] p = oof[alive.indexOf(cand)];
                if (Double.isNaN(scores[alive.indexOf(cand)])) continue;
                for (int i = 0; i < avg.length; i++) avg[i] = (sum[i] + p[i]) / step;
                double s = scorer.score(avg);
                if (s < pickScore) {
                    pickScore = s;
                    pick = cand;
                }
            }
            if (pick < 0) {
                pick = best; // every candidate failed: keep the first
                pickScore = Double.NaN;
            }
            double[] p = oof[alive.indexOf(pick)];
            for (int i = 0; i < sum.length; i++) sum[i] += p[i];
            counts[pick]++;
            ensembleScore = pickScore;
        }
        List<Member> members = new ArrayList<>();
        for (int c : order) if (counts[c] > 0) members.add(new Member(grid.get(c), counts[c] / (double) o.ensemble()));
        members.sort(Comparator.comparingDouble(Member::weight).reversed()); // stable: ties keep score order
        return new Result(grid.get(best), scores[alive.indexOf(best)], List.copyOf(members), ensembleScore, evaluations);
    }

    /**
     * Mean over the domains present in the rows of MSE / Var(targets): 1 - R² per domain,
     * averaged. NaN predictions (a candidate the solver cannot fit) give NaN.
     */
    static final class Scorer {
        private final double[] y;
        private final int[] dom;
        private final double[] var;
        private final int[] count;

        Scorer(double[] yAll, int[] rows, int[] domain) {
            y = pick(yAll, rows);
            Map<Integer, Integer> index = new TreeMap<>();
            dom = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                int d = domain == null ? 0 : domain[rows[i]];
                dom[i] = index.computeIfAbsent(d, k -> index.size());
            }
            int k = index.size();
            count = new int[k];
            double[] s = new double[k], s2 = new double[k];
            for (int i = 0; i < y.length; i++) {
                count[dom[i]]++;
                s[dom[i]] += y[i];
            }
            for (int i = 0; i < y.length; i++) {
                double t = y[i] - s[dom[i]] / count[dom[i]];
                s2[dom[i]] += t * t;
            }
            var = new double[k];
            for (int d = 0; d < k; d++) var[d] = s2[d] / count[d] > 1e-12 ? s2[d] / count[d] : 1; // constant targets: plain MSE
        }

        double score(double[] p) {
            double[] sse = new double[count.length];
            for (int i = 0; i < p.length; i++) {
                double t = p[i] - y[i];
                sse[dom[i]] += t * t;
            }
            double s = 0;
            for (int d = 0; d < count.length; d++) s += sse[d] / count[d] / var[d];
            s /= count.length;
            return Double.isFinite(s) ? s : Double.NaN;
        }
    }

    /** Candidate indices by increasing score (NaN last, ties by index). */
    private static List<Integer> rank(List<Integer> alive, double[] scores) {
        Integer[] pos = new Integer[alive.size()];
        for (int i = 0; i < pos.length; i++) pos[i] = i;
        Arrays.sort(pos, Comparator.<Integer>comparingDouble(i -> Double.isNaN(scores[i]) ? Double.MAX_VALUE : scores[i])
                .thenComparingInt(alive::get));
        List<Integer> out = new ArrayList<>();
        for (int p : pos) out.add(alive.get(p));
        return out;
    }

    /**
     * Out-of-fold predictions of each alive candidate (in alive order) for the rows of subset (in
     * subset order), clipped to [-1, 1]; NaN where the solver failed.
     */
    static double[][] outOfFold(double[][] x, double[] y, int[] subset, List<PipelineOptions> grid, List<Integer> alive,
                                int k, long seed, ForkJoinPool pool) {
        int[] perm = IntStream.range(0, subset.length).toArray();
        shuffle(perm, new Random(seed * 31 + 7));
        int[][] train = new int[k][], test = new int[k][], testPos = new int[k][];
        for (int f = 0; f < k; f++) {
            final int ff = f;
            testPos[f] = IntStream.range(0, perm.length).filter(i -> i % k == ff).map(i -> perm[i]).toArray();
            test[f] = Arrays.stream(testPos[f]).map(i -> subset[i]).toArray();
            train[f] = IntStream.range(0, perm.length).filter(i -> i % k != ff).map(i -> subset[perm[i]]).toArray();
        }
        Map<String, double[][][]> preps = new ConcurrentHashMap<>(); // key -> per fold [train rows, test rows]
        double[][] out = new double[alive.size()][subset.length];
        try {
            pool.submit(() -> IntStream.range(0, alive.size() * k).parallel().forEach(t -> {
                int c = t / k, f = t % k;
                PipelineOptions po = grid.get(alive.get(c));
                String key = po.pcaVariance() + "/" + po.whiten() + "/" + f;
                double[][][] tt = preps.computeIfAbsent(key, kk -> {
                    Pipeline.Prep p = Pipeline.Prep.fit(x, train[f], po.pcaVariance(), po.whiten());
                    return new double[][][]{p.apply(Standardizer.select(x, train[f])), p.apply(Standardizer.select(x, test[f]))};
                });
                double[] pr;
                try {
                    pr = Regressor.fit(tt[0], pick(y, train[f]), po.model()).predict(tt[1]);
                    for (int i = 0; i < pr.length; i++) pr[i] = Pipeline.clip(pr[i]);
                } catch (RuntimeException e) {
                    pr = new double[test[f].length];
                    Arrays.fill(pr, Double.NaN); // a candidate the solver cannot fit loses
                }
                for (int i = 0; i < pr.length; i++) out[c][testPos[f][i]] = pr[i];
            })).get();
        } catch (Exception e) {
            throw new IllegalStateException("hyper-parameter search failed: " + e.getMessage(), e);
        }
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
