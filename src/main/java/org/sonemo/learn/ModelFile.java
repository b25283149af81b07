package org.sonemo.learn;

import org.sonemo.data.FeatureSource.FeatureInfo;
import org.sonemo.data.Label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The model file ({@code .sonemo}), version 2 (version 1 files are read too). No Java serialization: a header of text
 * properties and named arrays of doubles, checked by SHA-256.
 * <pre>
 * offset  size  content
 * 0       8     magic "SONEMOMD"
 * 8       2     format version, big-endian (2)
 * 10      4     header length H, big-endian
 * 14      H     header: java.util.Properties text, UTF-8 (keys below)
 * ..      4     number of arrays A
 *               A times: 2-byte name length, name (UTF-8), 4-byte rows, 4-byte columns,
 *               rows*columns IEEE-754 doubles, big-endian
 * end-32  32    SHA-256 of all bytes before it
 * </pre>
 * Header keys: {@code feature.set}, {@code feature.engine}, {@code feature.rate},
 * {@code feature.count}, {@code feature.name.N}, {@code labels} (comma-separated), per label
 * {@code L.members} (the ensemble's size M) and {@code L.weight.i} (i below M), and per
 * member, with the prefix {@code P = L.i} (version 1: one member of weight 1, {@code P = L}):
 * {@code P.pipeline}, {@code P.options.*}, {@code P.model} (svr|linear), {@code P.pca}, and
 * for SVR {@code P.kernel}, {@code P.gamma}, {@code P.degree}, {@code P.coef0},
 * {@code P.intercept}; free-form {@code training.*} and {@code metric.*} entries. Arrays:
 * {@code P.scaler.mean}, {@code P.scaler.scale}, {@code P.pca.center}, {@code P.pca.components},
 * {@code P.pca.divisor}, {@code P.svr.vectors}, {@code P.svr.weights}, {@code P.linear.w}.
 */
public final class ModelFile {
    public static final byte[] MAGIC = "SONEMOMD".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 2;
    private static final int MAX_HEADER = 16 << 20;

    private ModelFile() {
    }

    /**
     * A trained model: one pipeline per label, and what it was trained on.
     *
     * @param info     feature set, engine and rate the model expects
     * @param names    the feature names, in column order
     * @param models   ensemble of pipelines per label
     * @param training free-form facts (datasets, label scales, clip counts, date)
     * @param metrics  cross-validated metrics, by name
     */
    public record Model(FeatureInfo info, List<String> names, Map<Label, Ensemble> models,
                        Map<String, String> training, Map<String, String> metrics) {
        public Model {
            names = List.copyOf(names);
            models = new LinkedHashMap<>(models);
            training = new TreeMap<>(training);
            metrics = new TreeMap<>(metrics);
        }
    }

    /** Thrown for files that are not sonemo models, of another version, truncated or altered. */
    public static class FormatException extends IOException {
        public FormatException(String m) {
            super(m);
        }
    }

    public static void save(Model m, Path file) throws IOException {
        Properties h = new Properties();
        Map<String, double[][]> arrays = new LinkedHashMap<>();
        h.setProperty("format", "sonemo-model");
        h.setProperty("feature.set", m.info().set());
        h.setProperty("feature.engine", m.info().engine());
        h.setProperty("feature.rate", Integer.toString(m.info().rate()));
        h.setProperty("feature.count", Integer.toString(m.names().size()));
        for (int i = 0; i < m.names().size(); i++) h.setProperty("feature.name." + i, m.names().get(i));
        h.setProperty("labels", String.join(",", m.models().keySet().stream().map(Label::key).toList()));
        for (var e : m.models().entrySet()) {
            String k = e.getKey().key();
            Ensemble en = e.getValue();
            h.setProperty(k + ".members", Integer.toString(en.members().size()));
            for (int i = 0; i < en.members().size(); i++) {
                h.setProperty(k + ".weight." + i, Double.toString(en.weights()[i]));
                putPipeline(h, arrays, k + "." + i, en.members().get(i));
            }
        }
        m.training().forEach((k, v) -> h.setProperty("training." + k, v));
        m.metrics().forEach((k, v) -> h.setProperty("metric." + k, v));

        StringWriter sw = new StringWriter();
        // sorted keys, no date comment: the same model gives the same bytes
        Properties sorted = new Properties() {
            @Override
            public java.util.Set<Map.Entry<Object, Object>> entrySet() {
                java.util.Set<Map.Entry<Object, Object>> s = new java.util.TreeSet<>((x, y) -> x.getKey().toString().compareTo(y.getKey().toString()));
                s.addAll(super.entrySet());
                return s;
            }
        };
        sorted.putAll(h);
        sorted.store(sw, "sonemo model, format " + VERSION);
        String text = sw.toString().replaceFirst("(?m)^#(?!\\s*sonemo).*\\R", "");
        byte[] header = text.getBytes(StandardCharsets.UTF_8);

        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ByteBuffer bb = ByteBuffer.allocate(14).order(ByteOrder.BIG_ENDIAN);
        bb.put(MAGIC).putShort((short) VERSION).putInt(header.length);
        bos.write(bb.array());
        bos.write(header);
        bos.write(ByteBuffer.allocate(4).putInt(arrays.size()).array());
        for (var e : arrays.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            double[][] a = e.getValue();
            int rows = a.length, cols = rows == 0 ? 0 : a[0].length;
            ByteBuffer ab = ByteBuffer.allocate(2 + name.length + 8 + 8 * rows * cols);
            ab.putShort((short) name.length).put(name).putInt(rows).putInt(cols);
            for (double[] r : a) for (double v : r) ab.putDouble(v);
            bos.write(ab.array());
        }
        byte[] body = bos.toByteArray();
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".model-", ".tmp");
        try {
            Files.write(tmp, concat(body, sha256(body, body.length)));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Model load(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        String where = file.toString();
        if (b.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(b, MAGIC.length), MAGIC)) {
            throw new FormatException(where + ": not a sonemo model file (no SONEMOMD magic)");
        }
        if (b.length < 14 + 4 + 32) throw new FormatException(where + ": truncated model file (" + b.length + " bytes)");
        ByteBuffer bb = ByteBuffer.wrap(b);
        int version = Short.toUnsignedInt(bb.getShort(8));
        if (version < 1 || version > VERSION) {
            throw new FormatException(where + ": model format version " + version + ", this sonemo reads versions 1 to " + VERSION);
        }
        int n = b.length - 32;
        if (!Arrays.equals(sha256(b, n), Arrays.copyOfRange(b, n, b.length))) {
            throw new FormatException(where + ": checksum mismatch: the model file is truncated or was modified");
        }
        try {
            int hl = bb.getInt(10);
            if (hl < 0 || hl > MAX_HEADER || 14L + hl + 4 > n) throw new FormatException(where + ": bad header length " + hl);
            Properties h = new Properties();
            h.load(new StringReader(new String(b, 14, hl, StandardCharsets.UTF_8)));
            bb.position(14 + hl);
            int count = bb.getInt();
            if (count < 0 || count > 10_000) throw new FormatException(where + ": bad array count " + count);
            Map<String, double[][]> arrays = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                int nl = Short.toUnsignedInt(bb.getShort());
                if (bb.position() + nl + 8 > n) throw new FormatException(where + ": array " + i + " runs past the end");
                byte[] name = new byte[nl];
                bb.get(name);
                int rows = bb.getInt(), cols = bb.getInt();
                if (rows < 0 || cols < 0 || bb.position() + 8L * rows * cols > n) {
                    throw new FormatException(where + ": array " + new String(name, StandardCharsets.UTF_8) + " has a bad size");
                }
                double[][] a = new double[rows][cols];
                for (double[] r : a) for (int j = 0; j < cols; j++) r[j] = bb.getDouble();
                arrays.put(new String(name, StandardCharsets.UTF_8), a);
            }
            if (bb.position() != n) throw new FormatException(where + ": " + (n - bb.position()) + " unexpected bytes after the arrays");
            return decode(h, arrays, version, where);
        } catch (FormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FormatException(where + ": malformed model file: " + e);
        }
    }

    private static Model decode(Properties h, Map<String, double[][]> arrays, int version, String where) throws FormatException {
        if (!"sonemo-model".equals(h.getProperty("format"))) throw new FormatException(where + ": header is not a sonemo model header");
        FeatureInfo info = new FeatureInfo(req(h, "feature.set", where), req(h, "feature.engine", where),
                Integer.parseInt(req(h, "feature.rate", where)));
        int fc = Integer.parseInt(req(h, "feature.count", where));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fc; i++) names.add(req(h, "feature.name." + i, where));
        Map<Label, Ensemble> models = new LinkedHashMap<>();
        for (String lk : req(h, "labels", where).split(",")) {
            if (lk.isBlank()) continue;
            Label label = Label.parse(lk);
            String k = label.key();
            if (version == 1) {
                models.put(label, Ensemble.of(pipeline(h, arrays, k, fc, where)));
                continue;
            }
            int count = Integer.parseInt(req(h, k + ".members", where));
            if (count < 1 || count > 1000) throw new FormatException(where + ": bad member count " + count + " for " + k);
            List<Pipeline> members = new ArrayList<>();
            double[] weights = new double[count];
            for (int i = 0; i < count; i++) {
                weights[i] = num(h, k + ".weight." + i, where);
                members.add(pipeline(h, arrays, k + "." + i, fc, where));
            }
            try {
                models.put(label, new Ensemble(members, weights));
            } catch (IllegalArgumentException e) {
                throw new FormatException(where + ": " + k + ": " + e.getMessage());
            }
        }
        Map<String, String> training = new TreeMap<>(), metrics = new TreeMap<>();
        for (String key : h.stringPropertyNames()) {
            if (key.startsWith("training.")) training.put(key.substring(9), h.getProperty(key));
            if (key.startsWith("metric.")) metrics.put(key.substring(7), h.getProperty(key));
        }
        return new Model(info, names, models, training, metrics);
    }

    private static void putPipeline(Properties h, Map<String, double[][]> arrays, String k, Pipeline p) {
        h.setProperty(k + ".pipeline", p.options().describe());
        putOptions(h, k + ".options.", p.options());
        arrays.put(k + ".scaler.mean", new double[][]{p.scaler().mean()});
        arrays.put(k + ".scaler.scale", new double[][]{p.scaler().scale()});
        h.setProperty(k + ".pca", Boolean.toString(p.pca() != null));
        if (p.pca() != null) {
            arrays.put(k + ".pca.center", new double[][]{p.pca().center()});
            arrays.put(k + ".pca.components", p.pca().components());
            arrays.put(k + ".pca.divisor", new double[][]{p.pca().divisor()});
        }
        switch (p.model()) {
            case Regressor.SvrModel s -> {
                h.setProperty(k + ".model", "svr");
                h.setProperty(k + ".kernel", s.kernel().name());
                h.setProperty(k + ".gamma", Double.toString(s.gamma()));
                h.setProperty(k + ".degree", Integer.toString(s.degree()));
                h.setProperty(k + ".coef0", Double.toString(s.coef0()));
                h.setProperty(k + ".intercept", Double.toString(s.intercept()));
                arrays.put(k + ".svr.vectors", s.vectors());
                arrays.put(k + ".svr.weights", new double[][]{s.weights()});
            }
            case Regressor.LinearModel l -> {
                h.setProperty(k + ".model", "linear");
                h.setProperty(k + ".intercept", Double.toString(l.intercept()));
                arrays.put(k + ".linear.w", new double[][]{l.w()});
            }
        }
    }

    /** One pipeline whose keys and arrays start with prefix k. */
    private static Pipeline pipeline(Properties h, Map<String, double[][]> arrays, String k, int fc, String where) throws FormatException {
        Standardizer sc = new Standardizer(row(arrays, k + ".scaler.mean", where), row(arrays, k + ".scaler.scale", where));
        if (sc.mean().length != fc || sc.scale().length != fc) throw new FormatException(where + ": scaler size differs from feature count");
        Pca pca = null;
        int dim = fc;
        if (Boolean.parseBoolean(req(h, k + ".pca", where))) {
            pca = new Pca(row(arrays, k + ".pca.center", where), arr(arrays, k + ".pca.components", where), row(arrays, k + ".pca.divisor", where));
            if (pca.components().length == 0 || pca.components()[0].length != fc) throw new FormatException(where + ": PCA size differs from feature count");
            dim = pca.components().length;
        }
        double intercept = Double.parseDouble(req(h, k + ".intercept", where));
        Regressor reg = switch (req(h, k + ".model", where)) {
            case "svr" -> {
                double[][] v = arr(arrays, k + ".svr.vectors", where);
                double[] w = row(arrays, k + ".svr.weights", where);
                if (v.length != w.length || (v.length > 0 && v[0].length != dim)) throw new FormatException(where + ": SVR arrays inconsistent");
                yield new Regressor.SvrModel(ModelOptions.Kernel.valueOf(req(h, k + ".kernel", where)),
                        Double.parseDouble(req(h, k + ".gamma", where)), Integer.parseInt(req(h, k + ".degree", where)),
                        Double.parseDouble(req(h, k + ".coef0", where)), v, w, intercept);
            }
            case "linear" -> {
                double[] w = row(arrays, k + ".linear.w", where);
                if (w.length != dim) throw new FormatException(where + ": linear weights inconsistent");
                yield new Regressor.LinearModel(w, intercept);
            }
            default -> throw new FormatException(where + ": unknown model type " + h.getProperty(k + ".model"));
        };
        return new Pipeline(getOptions(h, k + ".options.", where), sc, pca, reg);
    }

    private static void putOptions(Properties h, String p, PipelineOptions o) {
        h.setProperty(p + "pcaVariance", Double.toString(o.pcaVariance()));
        h.setProperty(p + "whiten", Boolean.toString(o.whiten()));
        switch (o.model()) {
            case ModelOptions.Svr s -> {
                h.setProperty(p + "model", "svr");
                h.setProperty(p + "kernel", s.kernel().name());
                h.setProperty(p + "C", Double.toString(s.C()));
                h.setProperty(p + "epsilon", Double.toString(s.epsilon()));
                h.setProperty(p + "gamma", Double.toString(s.gamma()));
                h.setProperty(p + "degree", Integer.toString(s.degree()));
                h.setProperty(p + "coef0", Double.toString(s.coef0()));
                h.setProperty(p + "tol", Double.toString(s.tol()));
            }
            case ModelOptions.Linear l -> {
                h.setProperty(p + "model", "linear");
                h.setProperty(p + "penalty", l.penalty().name());
                h.setProperty(p + "alpha", Double.toString(l.alpha()));
                h.setProperty(p + "l1Ratio", Double.toString(l.l1Ratio()));
            }
        }
    }

    private static PipelineOptions getOptions(Properties h, String p, String w) throws FormatException {
        ModelOptions m = switch (req(h, p + "model", w)) {
            case "svr" -> new ModelOptions.Svr(ModelOptions.Kernel.valueOf(req(h, p + "kernel", w)), num(h, p + "C", w),
                    num(h, p + "epsilon", w), num(h, p + "gamma", w), (int) num(h, p + "degree", w), num(h, p + "coef0", w), num(h, p + "tol", w));
            case "linear" -> new ModelOptions.Linear(ModelOptions.Penalty.valueOf(req(h, p + "penalty", w)), num(h, p + "alpha", w), num(h, p + "l1Ratio", w));
            default -> throw new FormatException(w + ": unknown model type " + h.getProperty(p + "model"));
        };
        return new PipelineOptions(num(h, p + "pcaVariance", w), Boolean.parseBoolean(req(h, p + "whiten", w)), m);
    }

    private static double num(Properties h, String key, String where) throws FormatException {
        return Double.parseDouble(req(h, key, where));
    }

    private static String req(Properties h, String key, String where) throws FormatException {
        String v = h.getProperty(key);
        if (v == null) throw new FormatException(where + ": header lacks " + key);
        return v;
    }

    private static double[][] arr(Map<String, double[][]> a, String name, String where) throws FormatException {
        double[][] v = a.get(name);
        if (v == null) throw new FormatException(where + ": no array " + name);
        return v;
    }

    private static double[] row(Map<String, double[][]> a, String name, String where) throws FormatException {
        double[][] v = arr(a, name, where);
        if (v.length != 1) throw new FormatException(where + ": array " + name + " is not one row");
        return v[0];
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sha256(byte[] b, int n) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, 0, n);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
