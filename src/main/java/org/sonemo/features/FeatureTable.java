package org.sonemo.features;

import java.util.List;
import java.util.Objects;

/**
 * Extracted features: named columns, one row per frame (frame-level levels) or a single row
 * (functionals), with each row's start and end time in seconds.
 *
 * @param names  feature names, exactly as the engine names them
 * @param starts start time of each row in seconds
 * @param ends   end time of each row in seconds
 * @param values row-major values, {@code rows() * names.size()} of them
 */
public record FeatureTable(List<String> names, double[] starts, double[] ends, float[] values) {

    public FeatureTable {
        names = List.copyOf(names);
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(ends, "ends");
        Objects.requireNonNull(values, "values");
        if (starts.length != ends.length || (long) starts.length * names.size() != values.length) {
            throw new IllegalArgumentException("inconsistent table: " + starts.length + " rows, "
                    + names.size() + " columns, " + values.length + " values");
        }
    }

    public int rows() {
        return starts.length;
    }

    public int columns() {
        return names.size();
    }

    public float get(int row, int column) {
        return values[row * names.size() + column];
    }

    /** A copy of one row. */
    public float[] row(int row) {
        int n = names.size();
        float[] out = new float[n];
        System.arraycopy(values, row * n, out, 0, n);
        return out;
    }

    /** Index of a named column, or -1. */
    public int column(String name) {
        return names.indexOf(name);
    }
}
