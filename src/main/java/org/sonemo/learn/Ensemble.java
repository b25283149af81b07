package org.sonemo.learn;

import java.util.List;
import java.util.Locale;

/**
 * A weighted average of fitted pipelines (each clipped to [-1, 1], so the average is too): the
 * model {@link HyperSearch} selects. One member of weight 1 is a plain pipeline.
 *
 * @param weights positive, summing to 1
 */
public record Ensemble(List<Pipeline> members, double[] weights) {
    public Ensemble {
        members = List.copyOf(members);
        weights = weights.clone();
        if (members.isEmpty() || members.size() != weights.length) throw new IllegalArgumentException("members and weights differ");
        double s = 0;
        for (double w : weights) {
            if (!(w > 0)) throw new IllegalArgumentException("weights must be positive");
            s += w;
        }
        if (Math.abs(s - 1) > 1e-9) throw new IllegalArgumentException("weights must sum to 1: " + s);
    }

    public static Ensemble of(Pipeline p) {
        return new Ensemble(List.of(p), new double[]{1});
    }

    /** Fits every member of a search result on the given rows. */
    public static Ensemble fit(double[][] x, double[] y, int[] rows, HyperSearch.Result r) {
        // members are independent: fitted in parallel, kept in the result's order
        List<Pipeline> ps = r.members().parallelStream().map(m -> Pipeline.fit(x, y, rows, m.options())).toList();
        return new Ensemble(ps, r.members().stream().mapToDouble(HyperSearch.Member::weight).toArray());
    }

    public double[] predict(double[][] x) {
        double[] out = new double[x.length];
        for (int m = 0; m < members.size(); m++) {
            double[] p = members.get(m).predict(x);
            for (int i = 0; i < p.length; i++) out[i] += weights[m] * p[i];
        }
        return out;
    }

    public double predict(double[] x) {
        return predict(new double[][]{x})[0];
    }

    public List<PipelineOptions> options() {
        return members.stream().map(Pipeline::options).toList();
    }

    public String describe() {
        return describe(options(), weights);
    }

    /** "pca(0.8)+svr(...)" for one member, "0.46 A + 0.3 B + ..." for several. */
    static String describe(List<PipelineOptions> options, double[] weights) {
        if (options.size() == 1) return options.getFirst().describe();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            if (i > 0) sb.append(" + ");
            sb.append(String.format(Locale.ROOT, "%.2f ", weights[i])).append(options.get(i).describe());
        }
        return sb.toString();
    }
}
