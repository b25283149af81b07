package org.sonemo.learn;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * How features are z-scored when the data mix domains (corpora).
 * <ul>
 * <li>{@link #POOLED}: the pipeline's z-scoring with the training rows' statistics, whatever
 * their domain (the study's way, and the default).</li>
 * <li>{@link #PER_DOMAIN}: corpus normalisation of cross-corpus emotion recognition (Schuller et
 * al. 2010, "Cross-Corpus Acoustic Emotion Recognition: Variances and Strategies"): every
 * domain's rows are z-scored with that domain's own statistics, fitted on its rows of the fold's
 * training part (features only: never test rows, never labels), also for a domain the model is
 * not trained on. A model trained on music alone then sees sounds standardised by the sounds'
 * own training-part statistics. Applies to experiments only: a saved model would need the
 * domain of every clip it predicts.</li>
 * <li>{@link #UNSEEN_DOMAIN}: pooled over the training rows, per domain for a domain with no
 * training rows. In joint training the domains' feature offsets tell the model which label
 * distribution a row comes from (4Q's +-1 signs, TAVA's ratings); for a domain the model never
 * saw they only make it extrapolate.</li>
 * </ul>
 */
public enum Normalisation {
    POOLED("pooled"), PER_DOMAIN("per-domain"), UNSEEN_DOMAIN("unseen-domain");

    private final String key;

    Normalisation(String key) {
        this.key = key;
    }

    /** {@code pooled}, {@code per-domain} or {@code unseen-domain}. */
    public static Normalisation parse(String s) {
        for (Normalisation n : values()) if (n.key.equals(s.strip())) return n;
        throw new IllegalArgumentException("normalisation must be pooled, per-domain or unseen-domain: " + s);
    }

    public String key() {
        return key;
    }

    /** Whether a training set with these row counts per domain is aligned by {@link #align}. */
    boolean aligns(int... trainingRows) {
        return switch (this) {
            case POOLED -> false;
            case PER_DOMAIN -> true;
            case UNSEEN_DOMAIN -> Arrays.stream(trainingRows).anyMatch(n -> n == 0);
        };
    }

    /**
     * Per-domain z-scoring as a change of x that the pipeline then z-scores as usual: the rows of
     * every domain other than {@code reference} are z-scored with their domain's statistics on its
     * rows in {@code fit}, then mapped to the reference domain's mean and deviation on its rows in
     * {@code fit}. The pipeline's z-scoring, fitted on training rows whose domains now share the
     * reference moments, gives every domain its own z-scores (up to rounding), and the reference
     * domain's rows stay bit for bit as they were: a model trained on one domain and tested on it
     * does not change.
     *
     * @param domain    domain index (0, 1, ...) of every row of x
     * @param fit       per domain index, the rows of x its statistics are fitted on
     * @param reference the domain whose rows are left unchanged
     * @return a new matrix; rows of the reference domain are shared with x
     */
    static double[][] align(double[][] x, int[] domain, int[][] fit, int reference) {
        Standardizer ref = Standardizer.fit(x, fit[reference]);
        double[][] out = x.clone();
        for (int d = 0; d < fit.length; d++) {
            if (d == reference) continue;
            final int dd = d;
            int[] rows = IntStream.range(0, x.length).filter(i -> domain[i] == dd).toArray();
            if (rows.length == 0) continue;
            if (fit[d].length == 0) throw new IllegalArgumentException("domain " + d + " has no rows to fit its statistics on");
            double[][] z = ref.unapply(Standardizer.fit(x, fit[d]).apply(Standardizer.select(x, rows)));
            for (int i = 0; i < rows.length; i++) out[rows[i]] = z[i];
        }
        return out;
    }

    /** The index of the largest count (the first on ties): the training set's main domain. */
    static int largest(int... counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
        return best;
    }

    static int[] shift(int[] rows, int offset) {
        return Arrays.stream(rows).map(i -> i + offset).toArray();
    }
}
