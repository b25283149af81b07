package org.sonemo.cli;

import org.sonemo.data.Clip;
import org.sonemo.data.FeatureSource;
import org.sonemo.data.Label;
import org.sonemo.learn.Ensemble;
import org.sonemo.learn.Experiment;
import org.sonemo.learn.Folds;
import org.sonemo.learn.Grids;
import org.sonemo.learn.HyperSearch;
import org.sonemo.learn.Metrics;
import org.sonemo.learn.ModelFile;
import org.sonemo.learn.Normalisation;
import org.sonemo.learn.PipelineOptions;
import org.sonemo.learn.Standardizer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** {@code sonemo train}: one model per label on one or more datasets, with cross-validated metrics, to a model file. */
final class TrainCommand {
    private TrainCommand() {
    }

    static final String HELP = """
            usage: sonemo train --data KIND:PATH [--features CSV] [--data KIND:PATH [--features CSV] ...] --out MODEL
              --label arousal|valence|both (default both)   --model svr|linear (default svr)
              --grid study|wide|fast  --search halving|grid  --ensemble 50 (1: single best)
              --cv 5 (0: no cross-validated metrics)   --normalise pooled (per-domain, unseen-domain: experiments only)
              --set egemaps  --engine native|java  --cache DIR  --jobs N  --seed 1  --min-cluster 25  --no-groups
            --features after a --data gives that dataset's features as a CSV instead of extracting them.""";

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Args.guarded("train", err, () -> execute(args, out, err));
    }

    private static int execute(String[] args, PrintStream out, PrintStream err) throws IOException {
        Args a = Args.parse(args,
                Set.of("data", "features", "label", "model", "grid", "search", "cv", "set", "engine", "cache", "jobs", "seed", "out", "min-cluster", "ensemble", "normalise"),
                Set.of("no-groups", "help"));
        if (a.flag("help")) {
            out.println(HELP);
            return 0;
        }
        Normalisation n = ExperimentCommand.normalisation(a);
        if (n != Normalisation.POOLED) {
            throw new UsageException("--normalise " + n.key() + " applies to experiments only: a model would need the domain of every clip"
                    + " it predicts, which predict does not know; train z-scores with the training rows' statistics (pooled)");
        }
        Path outFile = Path.of(a.require("out"));
        String set = a.get("set", "egemaps");
        Path cache = Path.of(a.get("cache", LearnData.defaultCache().toString()));
        int jobs = a.integer("jobs", Runtime.getRuntime().availableProcessors());
        // pair each --data with the --features that follows it
        List<String[]> data = new ArrayList<>();
        for (String[] s : a.sequence) {
            if (s[0].equals("data")) data.add(new String[]{s[1], null});
            else if (s[0].equals("features")) {
                if (data.isEmpty() || data.getLast()[1] != null) throw new UsageException("--features must follow a --data");
                data.getLast()[1] = s[1];
            }
        }
        if (data.isEmpty()) throw new UsageException("--data KIND:PATH is required");
        long t0 = System.nanoTime();
        List<Experiment.Domain> domains = new ArrayList<>();
        for (String[] d : data) domains.add(LearnData.load(d[0], d[1], set, a.get("engine", "native"), cache, jobs, err));
        List<String> names = domains.getFirst().features().names();
        for (var d : domains) {
            if (!d.features().names().equals(names)) throw new UsageException("datasets " + domains.getFirst().name() + " and " + d.name() + " have different features");
        }
        List<Clip> clips = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<int[]> foldParts = new ArrayList<>();
        int cv = a.integer("cv", 5);
        long seed = a.integer("seed", 1);
        int[] allFolds, domainOf;
        {
            List<Integer> folds = new ArrayList<>(), doms = new ArrayList<>();
            int k = 0;
            for (var d : domains) {
                double[][] av = d.data().clips().stream().map(c -> new double[]{c.arousal(), c.valence()}).toArray(double[][]::new);
                boolean complete = Arrays.stream(av).allMatch(v -> Double.isFinite(v[0]) && Double.isFinite(v[1]));
                int[] strata = complete ? Folds.clusters(av, a.integer("min-cluster", 25)) : new int[av.length];
                String[] groups = a.flag("no-groups") ? null : d.data().clips().stream().map(Clip::group).toArray(String[]::new);
                int[] f = Folds.assign(strata, groups, Math.max(cv, 2), seed + k++);
                for (int i = 0; i < d.data().size(); i++) {
                    clips.add(d.data().clips().get(i));
                    rows.add(d.features().rows()[i]);
                    folds.add(f[i]);
                    doms.add(k - 1);
                }
            }
            allFolds = folds.stream().mapToInt(Integer::intValue).toArray();
            domainOf = doms.stream().mapToInt(Integer::intValue).toArray();
        }
        double[][] x = rows.toArray(double[][]::new);
        List<Label> labels = switch (a.get("label", "both")) {
            case "both" -> List.of(Label.AROUSAL, Label.VALENCE);
            default -> List.of(ExperimentCommand.parseLabel(a.get("label", "both")));
        };
        String model = a.get("model", "svr");
        List<PipelineOptions> grid = switch (model) {
            case "svr" -> ExperimentCommand.grid(a.get("grid", "study"));
            case "linear" -> Grids.linear();
            default -> throw new UsageException("--model must be svr or linear");
        };
        HyperSearch.Method method = a.get("search", "halving").equals("grid") ? HyperSearch.Method.GRID : HyperSearch.Method.HALVING;
        HyperSearch.Options so = new HyperSearch.Options(method, 3, 4, 0.1, seed, 0, ExperimentCommand.ensemble(a));
        Map<Label, Ensemble> models = new LinkedHashMap<>();
        Map<String, String> metrics = new TreeMap<>();
        for (Label l : labels) {
            int[] idx = IntStream.range(0, clips.size()).filter(i -> Double.isFinite(clips.get(i).label(l))).toArray();
            double[] y = clips.stream().mapToDouble(c -> c.label(l)).toArray();
            if (cv >= 2) {
                double[] r2 = new double[cv], rmse = new double[cv], mae = new double[cv];
                for (int f = 0; f < cv; f++) {
                    final int ff = f;
                    int[] tr = Arrays.stream(idx).filter(i -> allFolds[i] != ff).toArray();
                    int[] te = Arrays.stream(idx).filter(i -> allFolds[i] == ff).toArray();
                    Ensemble p = Ensemble.fit(x, y, tr, HyperSearch.search(x, y, tr, domainOf, grid, so));
                    double[] pred = p.predict(Standardizer.select(x, te));
                    double[] t = Arrays.stream(te).mapToDouble(i -> y[i]).toArray();
                    r2[f] = Metrics.r2(t, pred);
                    rmse[f] = Metrics.rmse(t, pred);
                    mae[f] = Metrics.mae(t, pred);
                }
                metrics.put(l.key() + ".cv" + cv + ".r2", Metrics.Summary.of(r2).toString());
                metrics.put(l.key() + ".cv" + cv + ".rmse", Metrics.Summary.of(rmse).toString());
                metrics.put(l.key() + ".cv" + cv + ".mae", Metrics.Summary.of(mae).toString());
                err.println("sonemo train: " + l.key() + " " + cv + "-fold R² " + Metrics.Summary.of(r2) + ", RMSE " + Metrics.Summary.of(rmse));
            }
            HyperSearch.Result best = HyperSearch.search(x, y, idx, domainOf, grid, so);
            models.put(l, Ensemble.fit(x, y, idx, best));
            metrics.put(l.key() + ".search.r2", String.format(Locale.ROOT, "%.4f", 1 - best.score()));
            err.println("sonemo train: " + l.key() + ": " + best.describe());
        }
        Map<String, String> training = new TreeMap<>();
        for (int i = 0; i < domains.size(); i++) {
            var d = domains.get(i).data();
            training.put("dataset." + i, d.name() + " (" + d.kind() + ") " + d.root());
            training.put("dataset." + i + ".clips", Integer.toString(d.size()));
            training.put("dataset." + i + ".scale", d.scale().name() + (d.signOnly() ? " sign-only" : ""));
        }
        training.put("clips", Integer.toString(clips.size()));
        training.put("date", Instant.now().toString());
        training.put("grid", model + " " + grid.size() + " candidates, " + method.name().toLowerCase(Locale.ROOT) + " search, ensemble "
                + so.ensemble() + ", seed " + seed);
        training.put("label.range", "[-1,1]");
        FeatureSource.FeatureInfo info = LearnData.info(data.getFirst()[1], set, a.get("engine", "native"));
        ModelFile.save(new ModelFile.Model(info, names, models, training, metrics), outFile);
        err.printf(Locale.ROOT, "sonemo train: wrote %s in %.1f s%n", outFile, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

}
