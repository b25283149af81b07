package org.sonemo.data;

import java.util.List;

/**
 * Features of clips: one row per clip, in the order of {@code ids}.
 *
 * @param names feature names
 * @param ids   clip ids, one per row
 * @param rows  values, {@code ids.size()} rows of {@code names.size()} columns
 */
public record FeatureMatrix(List<String> names, List<String> ids, double[][] rows) {
    public FeatureMatrix {
        names = List.copyOf(names);
        ids = List.copyOf(ids);
        if (rows.length != ids.size()) throw new IllegalArgumentException(rows.length + " rows for " + ids.size() + " ids");
        for (double[] r : rows) {
            if (r.length != names.size()) throw new IllegalArgumentException("row of " + r.length + " values for " + names.size() + " names");
        }
    }
}
