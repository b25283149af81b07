package org.sonemo.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Features read from a CSV with a {@code file} (or {@code name}/{@code path}) column and one
 * column per feature, like openSMILE's or the TAVA reference functionals. A clip is matched by
 * its id, then by its file name.
 */
public final class CsvFeatures implements FeatureSource {
    private final List<String> names;
    private final Map<String, double[]> byKey = new HashMap<>();
    private final FeatureInfo info;

    public CsvFeatures(Path csv, FeatureInfo info) throws IOException {
        this.info = info;
        Csv t = Csv.read(csv);
        int key = t.require("file", "name", "path", "id");
        List<String> n = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < t.header().size(); c++) {
            String h = t.header().get(c);
            if (c == key || h.equalsIgnoreCase("start") || h.equalsIgnoreCase("end") || h.equalsIgnoreCase("frameTime")) continue;
            n.add(h);
            cols.add(c);
        }
        names = List.copyOf(n);
        for (int r = 0; r < t.rows().size(); r++) {
            double[] v = new double[cols.size()];
            for (int j = 0; j < v.length; j++) v[j] = t.number(r, cols.get(j));
            String k = t.rows().get(r)[key];
            byKey.put(k, v);
            byKey.putIfAbsent(Path.of(k).getFileName().toString(), v);
        }
    }

    @Override
    public FeatureMatrix features(List<Clip> clips) {
        double[][] rows = new double[clips.size()][];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            Clip c = clips.get(i);
            double[] v = byKey.get(c.id());
            if (v == null && c.audio() != null) v = byKey.get(c.audio().getFileName().toString());
            if (v == null) throw new DataException("no features for clip " + c.id() + " in the features file");
            rows[i] = v;
            ids.add(c.id());
        }
        return new FeatureMatrix(names, ids, rows);
    }

    @Override
    public FeatureInfo info() {
        return info;
    }
}
