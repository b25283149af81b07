package org.sonemo.cli;

import org.sonemo.data.Clip;
import org.sonemo.data.Label;
import org.sonemo.learn.Experiment;
import org.sonemo.learn.Grids;
import org.sonemo.learn.HyperSearch;
import org.sonemo.learn.Normalisation;
import org.sonemo.learn.PipelineOptions;
import org.sonemo.learn.Report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code sonemo experiment}: the joint music + sounds protocol on two datasets, to a report folder. */
final class ExperimentCommand {
    private ExperimentCommand() {
    }

    static final String HELP = """
            usage: sonemo experiment --a KIND:PATH --b KIND:PATH --out DIR [options]
              --a-features CSV / --b-features CSV   use a features CSV instead of extraction
              --ratios 0,0.25,0.5,0.75,1   fractions p of the other domain's training part
              --labels arousal,valence      --models svr,linear
              --grid study|wide|fast        SVR grid (default study); linear uses its own
              --search halving|grid         (default halving: factor 4 from 10% of the data)
              --ensemble 50                 ensemble selection steps over the last round (1: single best)
              --normalise pooled|per-domain|unseen-domain   z-scoring with the training rows' statistics
                                            (default); each domain with its own training part's (corpus
                                            normalisation); pooled, but per domain for a domain not trained on
              --folds 5  --min-cluster 25  --seed 1  --no-groups  --constant-total
              --set egemaps  --engine native|java  --cache DIR  --jobs N
            KIND: pmemo, iads, iads-nomusic, tava, 4q, emomusic, manifest (options: KIND,name=X,groups=off:PATH)""";

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Args.guarded("experiment", err, () -> execute(args, out, err));
    }

    private static int execute(String[] args, PrintStream out, PrintStream err) throws IOException {
        Args a = Args.parse(args,
                Set.of("a", "b", "a-features", "b-features", "ratios", "labels", "models", "grid", "search", "folds",
                        "min-cluster", "seed", "set", "engine", "cache", "jobs", "out", "threads", "ensemble", "normalise"),
                Set.of("no-groups", "constant-total", "help"));
        if (a.flag("help")) {
            out.println(HELP);
            return 0;
        }
        Path dir = Path.of(a.require("out"));
        Normalisation normalisation = normalisation(a); // before the features: a typo fails fast
        String set = a.get("set", "egemaps");
        Path cache = Path.of(a.get("cache", LearnData.defaultCache().toString()));
        int jobs = a.integer("jobs", Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        Experiment.Domain da = LearnData.load(a.require("a"), a.get("a-features", null), set, a.get("engine", "native"), cache, jobs, err);
        Experiment.Domain db = LearnData.load(a.require("b"), a.get("b-features", null), set, a.get("engine", "native"), cache, jobs, err);
        double featureSeconds = (System.nanoTime() - t0) / 1e9;
        if (da.name().equals(db.name())) throw new UsageException("the two datasets have the same name " + da.name() + "; rename one with KIND,name=X:PATH");
        List<Label> labels = new ArrayList<>();
        for (String s : a.get("labels", "arousal,valence").split(",")) labels.add(parseLabel(s));
        Map<String, List<PipelineOptions>> grids = new LinkedHashMap<>();
        for (String m : a.get("models", "svr,linear").split(",")) {
            switch (m.strip()) {
                case "svr" -> grids.put("svr", grid(a.get("grid", "study")));
                case "linear" -> grids.put("linear", Grids.linear());
                default -> throw new UsageException("unknown model '" + m + "' (svr, linear)");
            }
        }
        HyperSearch.Method method = switch (a.get("search", "halving")) {
            case "halving" -> HyperSearch.Method.HALVING;
            case "grid" -> HyperSearch.Method.GRID;
            default -> throw new UsageException("--search must be halving or grid");
        };
        long seed = a.integer("seed", 1);
        Experiment.Config c = new Experiment.Config(labels, grids, a.doubles("ratios", "0,0.25,0.5,0.75,1"), a.integer("folds", 5),
                a.integer("min-cluster", 25), !a.flag("no-groups"), a.flag("constant-total"), seed,
                new HyperSearch.Options(method, 3, 4, 0.1, seed, a.integer("threads", 0), ensemble(a)), normalisation);
        Experiment.Results r = Experiment.run(da, db, c, m -> err.println("sonemo: " + m));
        List<String> notes = new ArrayList<>();
        notes.add("A: " + da.data().summary());
        notes.add("B: " + db.data().summary());
        notes.add("features: " + set + " functionals, " + da.features().names().size() + " columns ("
                + (a.get("a-features", null) != null ? "from CSV" : "extracted in-process, cached in " + cache) + "); feature time "
                + String.format(Locale.ROOT, "%.1f s", featureSeconds));
        notes.add("protocol: " + c.folds() + " folds stratified by Ward clusters of (arousal, valence), min cluster "
                + c.minCluster() + (c.groups() ? ", groups (speaker/artist) kept on one side" : ", groups ignored")
                + "; nested " + method.name().toLowerCase(Locale.ROOT) + " search (3 inner folds, out-of-fold 1 - R² averaged over"
                + " the training set's domains)" + (c.search().ensemble() > 1 ? ", ensemble selection (" + c.search().ensemble() + " steps)" : "")
                + "; seed " + seed);
        notes.add("normalisation: " + c.normalisation().key() + switch (c.normalisation()) {
            case POOLED -> " (z-scoring with the training rows' statistics)";
            case PER_DOMAIN -> " (each domain's features z-scored with the statistics of its own training part, also when the model is not trained on it)";
            case UNSEEN_DOMAIN -> " (pooled over the training rows; a domain with no training rows z-scored with its own training part's statistics)";
        });
        notes.add("grids: " + grids.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size() + " candidates").toList());
        notes.add("command: `sonemo experiment " + String.join(" ", args) + "`");
        notes.add("date: " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
        Report.write(dir, da.name(), db.name(), r, notes);
        exportData(dir.resolve("data.csv"), da, db, r);
        out.println(dir.resolve("report.md"));
        err.printf(Locale.ROOT, "sonemo: experiment done in %.1f s (features %.1f s)%n", (System.nanoTime() - t0) / 1e9, featureSeconds);
        return 0;
    }

    /** Features, labels and folds of every clip: what the peer script (bench/peer_sklearn.py) reads. */
    static void exportData(Path f, Experiment.Domain da, Experiment.Domain db, Experiment.Results r) throws IOException {
        Map<String, Integer> fold = new LinkedHashMap<>();
        for (var x : r.assignment()) fold.put(x.domain() + "\u0000" + x.id(), x.fold());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8))) {
            w.println("domain,id,fold,sign_only,arousal,valence," + String.join(",", da.features().names().stream().map(Report::csvCell).toList()));
            for (Experiment.Domain d : List.of(da, db)) {
                for (int i = 0; i < d.data().size(); i++) {
                    Clip c = d.data().clips().get(i);
                    Integer k = fold.get(d.name() + "\u0000" + c.id());
                    if (k == null) continue;
                    StringBuilder sb = new StringBuilder();
                    sb.append(Report.csvCell(d.name())).append(',').append(Report.csvCell(c.id())).append(',').append(k).append(',')
                            .append(d.data().signOnly()).append(',').append(c.arousal()).append(',').append(c.valence());
                    for (double v : d.features().rows()[i]) sb.append(',').append(v);
                    w.println(sb);
                }
            }
        }
    }

    static Label parseLabel(String s) {
        try {
            return Label.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static List<PipelineOptions> grid(String name) {
        try {
            return Grids.named(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code --ensemble N}: ensemble selection steps, at least 1. */
    static int ensemble(Args a) {
        int e = a.integer("ensemble", HyperSearch.DEFAULT_ENSEMBLE);
        if (e < 1) throw new UsageException("--ensemble must be at least 1");
        return e;
    }

    /** {@code --normalise pooled|per-domain|unseen-domain} (default pooled). */
    static Normalisation normalisation(Args a) {
        String v = a.get("normalise", "pooled");
        try {
            return Normalisation.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--normalise must be pooled, per-domain or unseen-domain, not '" + v + "'");
        }
    }

    static String ratios(double[] r) {
        return Arrays.toString(r);
    }
}
