package org.sonemo.learn;

import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.WardLinkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The study's folds: clips are clustered by their (arousal, valence) pair with agglomerative
 * Ward clustering (the most clusters such that each has at least {@code minCluster} members),
 * and each cluster is spread evenly over k folds after a seeded shuffle. With groups (speaker,
 * artist), whole groups are dealt instead of clips, each group counted in the cluster most of
 * its clips belong to, so that no group is on both sides of a split.
 */
public final class Folds {
    private Folds() {
    }

    /** Ward clusters of the points with at least {@code minCluster} members each (1 cluster if n is small). */
    public static int[] clusters(double[][] points, int minCluster) {
        int n = points.length;
        if (n < 2 * minCluster || n < 3) return new int[n];
        // identical points would make Ward's distance 0 everywhere: jitter-free dedupe is not needed,
        // Smile handles ties deterministically.
        HierarchicalClustering hc = HierarchicalClustering.fit(WardLinkage.of(points));
        for (int k = n / minCluster; k >= 2; k--) {
            int[] lab = hc.partition(k);
            int[] count = new int[k];
            for (int l : lab) count[l]++;
            if (Arrays.stream(count).min().orElse(0) >= minCluster) return lab;
        }
        return new int[n];
    }

    /**
     * Fold of each clip (0..k-1).
     *
     * @param strata a stratum per clip (e.g. from {@link #clusters})
     * @param groups a group per clip, or null entries (or a null array) for none
     */
    public static int[] assign(int[] strata, String[] groups, int k, long seed) {
        int n = strata.length;
        // units: groups, or single clips
        Map<String, List<Integer>> units = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String g = groups == null || groups[i] == null ? "\u0000clip" + i : "\u0001" + groups[i];
            units.computeIfAbsent(g, x -> new ArrayList<>()).add(i);
        }
        Map<Integer, List<List<Integer>>> byStratum = new java.util.TreeMap<>();
        for (List<Integer> u : units.values()) {
            Map<Integer, Integer> votes = new HashMap<>();
            for (int i : u) votes.merge(strata[i], 1, Integer::sum);
            int best = votes.entrySet().stream()
                    .max((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(b.getKey(), a.getKey()) : Integer.compare(a.getValue(), b.getValue()))
                    .orElseThrow().getKey();
            byStratum.computeIfAbsent(best, x -> new ArrayList<>()).add(u);
        }
        Random rnd = new Random(seed);
        int[] fold = new int[n];
        int[] total = new int[k];
        for (List<List<Integer>> list : byStratum.values()) {
            java.util.Collections.shuffle(list, rnd);
            list.sort((a, b) -> Integer.compare(b.size(), a.size())); // stable: shuffled order among equal sizes
            int[] inStratum = new int[k];
            int start = rnd.nextInt(k);
            for (List<Integer> u : list) {
                int best = -1;
                for (int t = 0; t < k; t++) {
                    int f = (start + t) % k;
                    if (best < 0 || inStratum[f] < inStratum[best]
                            || (inStratum[f] == inStratum[best] && total[f] < total[best])) best = f;
                }
                for (int i : u) fold[i] = best;
                inStratum[best] += u.size();
                total[best] += u.size();
            }
        }
        return fold;
    }

    /** Indices with fold == f (test) or != f (train). */
    public static int[] select(int[] fold, int f, boolean test) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == test).toArray();
    }

    /**
     * A stratified sample of a fraction of the given indices: per stratum, round(fraction * size)
     * clips after a seeded shuffle (at least one from a non-empty stratum when fraction > 0).
     */
    public static int[] sample(int[] indices, int[] strata, double fraction, long seed) {
        return sampleCount(indices, strata, (int) Math.round(fraction * indices.length), seed);
    }

    /** A stratified sample of exactly {@code count} of the indices (all if count >= their number). */
    public static int[] sampleCount(int[] indices, int[] strata, int count, long seed) {
        if (count >= indices.length) return indices.clone();
        if (count <= 0) return new int[0];
        Random rnd = new Random(seed);
        Map<Integer, List<Integer>> by = new java.util.TreeMap<>();
        for (int i : indices) by.computeIfAbsent(strata[i], x -> new ArrayList<>()).add(i);
        List<Integer> picked = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (List<Integer> l : by.values()) {
            java.util.Collections.shuffle(l, rnd);
            int take = (int) Math.floor((double) count * l.size() / indices.length);
            picked.addAll(l.subList(0, take));
            rest.addAll(l.subList(take, l.size()));
        }
        java.util.Collections.shuffle(rest, rnd);
        picked.addAll(rest.subList(0, count - picked.size()));
        return picked.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
