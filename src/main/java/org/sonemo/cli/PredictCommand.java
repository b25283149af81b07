package org.sonemo.cli;

import org.sonemo.data.CsvFeatures;
import org.sonemo.data.ExtractedFeatures;
import org.sonemo.data.Label;
import org.sonemo.features.ExtractorPool;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.learn.ModelFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code sonemo predict}: arousal/valence of audio files (or of a features CSV) with a trained model. */
final class PredictCommand {
    private PredictCommand() {
    }

    static final String HELP = """
            usage: sonemo predict --model MODEL [--out FILE] [--jobs N] INPUT...
                   sonemo predict --model MODEL --features CSV
            INPUT: audio files or folders (searched recursively). Writes CSV file,<labels of the model>.
            Exit code: 0 all inputs done, 1 some failed (each reported as 'path: reason'), 2 usage error.""";

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Args.guarded("predict", err, () -> execute(args, out, err));
    }

    private static int execute(String[] args, PrintStream out, PrintStream err) throws IOException {
        Args a = Args.parse(args, Set.of("model", "out", "jobs", "features"), Set.of("help", "quiet"));
        if (a.flag("help")) {
            out.println(HELP);
            return 0;
        }
        ModelFile.Model m;
        try {
            m = ModelFile.load(Path.of(a.require("model")));
        } catch (ModelFile.FormatException e) {
            err.println("sonemo predict: " + e.getMessage());
            return 2;
        }
        List<Label> labels = new ArrayList<>(m.models().keySet());
        PrintStream w = a.get("out", null) == null ? out : new PrintStream(Files.newOutputStream(Path.of(a.get("out", null))), true, "UTF-8");
        w.println("file," + String.join(",", labels.stream().map(Label::key).toList()));
        int failed = 0;
        if (a.get("features", null) != null) {
            var csv = org.sonemo.data.Csv.read(Path.of(a.get("features", null)));
            CsvFeatures cf = new CsvFeatures(Path.of(a.get("features", null)), m.info());
            int key = csv.require("file", "name", "path", "id");
            List<org.sonemo.data.Clip> clips = csv.rows().stream()
                    .map(r -> new org.sonemo.data.Clip(r[key], null, Double.NaN, Double.NaN, "input", null)).toList();
            var fm = cf.features(clips);
            requireNames(fm.names(), m);
            double[][] preds = new double[labels.size()][];
            for (int j = 0; j < labels.size(); j++) preds[j] = m.models().get(labels.get(j)).predict(fm.rows());
            for (int i = 0; i < clips.size(); i++) w.println(line(clips.get(i).id(), preds, i));
        } else {
            List<Path> inputs = InputFiles.expand(a.positionals()).stream().map(InputFiles.Input::path).toList();
            if (inputs.isEmpty()) {
                err.println("sonemo predict: no audio files found in " + String.join(" ", a.positionals()));
                return 1;
            }
            FeatureSet fs;
            try {
                fs = FeatureSet.fromCliName(m.info().set());
            } catch (IllegalArgumentException e) {
                err.println("sonemo predict: the model expects features '" + m.info().set() + "', which this sonemo cannot extract");
                return 2;
            }
            String engine = m.info().engine().equals("java") ? "java" : "native";
            if (m.info().engine().equals("reference")) {
                err.println("sonemo predict: note: the model was trained on features from a CSV; extracting with the native engine");
            }
            int jobs = a.integer("jobs", Runtime.getRuntime().availableProcessors());
            int[] fails = {0};
            boolean quiet = a.flag("quiet");
            Progress progress = new Progress(err, inputs.size(), !quiet && System.console() != null && inputs.size() > 5);
            try (ExtractorPool pool = new ExtractorPool(LearnData.spec(fs, engine), jobs)) {
                pool.extractAll(inputs, ExtractedFeatures::read, false, o -> {
                    progress.step(o.ok());
                    if (!o.ok()) {
                        fails[0]++;
                        progress.interrupt();
                        err.println(o.input() + ": " + ExtractCommand.reason(o.error()));
                    } else {
                        FeatureTable t = o.tables().getFirst();
                        requireNames(t.names(), m);
                        double[][] x = new double[1][t.columns()];
                        for (int j = 0; j < t.columns(); j++) x[0][j] = t.get(0, j);
                        double[][] p = new double[labels.size()][];
                        for (int j = 0; j < labels.size(); j++) p[j] = m.models().get(labels.get(j)).predict(x);
                        w.println(line(o.input().toString(), p, 0));
                    }
                });
            }
            failed = fails[0];
            if (failed > 0) err.println("sonemo predict: " + failed + " of " + inputs.size() + " files failed");
        }
        w.flush();
        if (w != out) w.close();
        return failed > 0 ? 1 : 0;
    }

    static void requireNames(List<String> names, ModelFile.Model m) {
        if (!names.equals(m.names())) {
            throw new UsageException("the features (" + names.size() + " columns) differ from the model's (" + m.names().size()
                    + " columns of " + m.info().set() + ")");
        }
    }

    static String line(String file, double[][] preds, int i) {
        StringBuilder sb = new StringBuilder(org.sonemo.learn.Report.csvCell(file));
        for (double[] p : preds) sb.append(',').append(String.format(Locale.ROOT, "%.6f", p[i]));
        return sb.toString();
    }

}
