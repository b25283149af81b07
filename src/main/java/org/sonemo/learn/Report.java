package org.sonemo.learn;

import org.sonemo.data.Label;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes an experiment's report.md (the study's Table-1 layout and the ratio sweep), CSVs and PNG plots. */
public final class Report {
    private Report() {
    }

    public static void write(Path dir, String a, String b, Experiment.Results r, List<String> notes) throws IOException {
        Files.createDirectories(dir);
        writeFolds(dir.resolve("folds.csv"), r.folds());
        writePredictions(dir.resolve("predictions.csv"), r.predictions());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("fold-assignment.csv"), StandardCharsets.UTF_8))) {
            w.println("domain,id,fold");
            for (var f : r.assignment()) w.println(csv(f.domain()) + "," + csv(f.id()) + "," + f.fold());
        }
        List<Experiment.Cell> cells = Experiment.summarise(r.folds());
        List<String> plots = plots(dir, a, b, r, cells);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("report.md"), StandardCharsets.UTF_8))) {
            w.println("# Joint learning of emotions: " + a + " and " + b);
            w.println();
            for (String n : notes) w.println("- " + n);
            w.printf(Locale.ROOT, "- wall time: %.1f s%n", r.seconds());
            w.println();
            w.println("Values: mean over folds ± 95% Student-t half-width; R² with RMSE in parentheses. "
                    + "Sign-only domains (quadrant labels) report sign accuracy and ROC AUC instead.");
            w.println();
            w.println("## Table 1: single domain vs joint training");
            w.println();
            Set<Label> labels = new LinkedHashSet<>();
            Set<String> models = new LinkedHashSet<>();
            for (var c : cells) {
                labels.add(c.label());
                models.add(c.model());
            }
            w.print("| training data | model | tested on |");
            for (Label l : labels) w.print(" " + l.key() + " R² (RMSE) |");
            w.println();
            w.println("|---|---|---|" + "---|".repeat(labels.size()));
            String joint = a + "+" + b;
            for (String m : models) {
                for (String[] row : new String[][]{{a, a}, {a, b}, {b, b}, {b, a}, {joint, a}, {joint, b}}) {
                    StringBuilder sb = new StringBuilder("| " + row[0] + (row[0].equals(joint) ? "" : " only") + " | " + m + " | " + row[1] + " |");
                    boolean any = false;
                    for (Label l : labels) {
                        Experiment.Cell c = find(cells, m, l, row[0], row[1]);
                        sb.append(' ').append(c == null ? "" : cellText(c)).append(" |");
                        any |= c != null;
                    }
                    if (any) w.println(sb);
                }
            }
            w.println();
            w.println("## Ratio sweep: training on one domain plus a fraction p of the other's training part");
            for (String m : models) for (Label l : labels) {
                w.println();
                w.println("### " + m + ", " + l.key());
                w.println();
                List<String> trainings = new ArrayList<>();
                for (var c : cells) if (c.model().equals(m) && c.label() == l && !trainings.contains(c.training())) trainings.add(c.training());
                w.println("| training data | p | tested on " + a + " | tested on " + b + " |");
                w.println("|---|---|---|---|");
                for (String t : trainings) {
                    Experiment.Cell ca = find(cells, m, l, t, a), cb = find(cells, m, l, t, b);
                    double p = ca != null ? ca.p() : cb != null ? cb.p() : Double.NaN;
                    w.println("| " + t + " | " + ModelOptions.fmt(p) + " | " + (ca == null ? "" : cellText(ca)) + " | " + (cb == null ? "" : cellText(cb)) + " |");
                }
            }
            w.println();
            w.println("## Files");
            w.println();
            w.println("- `folds.csv`: every fold, training set, tested domain: sizes, metrics, chosen hyper-parameters, fit seconds");
            w.println("- `predictions.csv`: every test prediction; `fold-assignment.csv`: the fold of every clip");
            for (String p : plots) w.println("- ![" + p + "](" + p + ")");
        }
    }

    static String cellText(Experiment.Cell c) {
        if (c.signOnly()) {
            return String.format(Locale.ROOT, "acc %s, AUC %s", c.signAccuracy(), c.auc());
        }
        return String.format(Locale.ROOT, "%s (%.3f)", c.r2(), c.rmse().mean());
    }

    static Experiment.Cell find(List<Experiment.Cell> cells, String m, Label l, String training, String tested) {
        for (var c : cells) {
            if (c.model().equals(m) && c.label() == l && c.training().equals(training) && c.tested().equals(tested)) return c;
        }
        return null;
    }

    private static List<String> plots(Path dir, String a, String b, Experiment.Results r, List<Experiment.Cell> cells) throws IOException {
        List<String> out = new ArrayList<>();
        Set<String> models = new LinkedHashSet<>();
        Set<Label> labels = new LinkedHashSet<>();
        for (var c : cells) {
            models.add(c.model());
            labels.add(c.label());
        }
        String joint = a + "+" + b;
        for (String m : models) for (Label l : labels) {
            Plot p = new Plot(m + ", " + l.key() + ": metric vs p", "p (fraction of the other domain)", "R² (AUC for sign-only)");
            for (String[] dir2 : new String[][]{{a, b}, {b, a}}) {
                for (String tested : new String[]{a, b}) {
                    List<double[]> pts = new ArrayList<>();
                    for (var c : cells) {
                        if (!c.model().equals(m) || c.label() != l || !c.tested().equals(tested) || c.training().startsWith("const ")) continue;
                        boolean from = c.training().equals(dir2[0]) || c.training().startsWith(dir2[0] + "+") && !c.training().equals(joint)
                                || c.training().equals(joint);
                        if (!from) continue;
                        pts.add(new double[]{c.p(), c.signOnly() ? c.auc().mean() : c.r2().mean()});
                    }
                    pts.sort((x, y) -> Double.compare(x[0], y[0]));
                    p.add(new Plot.Series(dir2[0] + " + p·" + dir2[1] + ", on " + tested, pts.stream().mapToDouble(v -> v[0]).toArray(),
                            pts.stream().mapToDouble(v -> v[1]).toArray(), true));
                }
            }
            String f = "sweep-" + m + "-" + l.key() + ".png";
            p.save(dir.resolve(f));
            out.add(f);
            Plot s = new Plot(m + ", " + l.key() + ": predicted vs true (" + joint + ")", "true", "predicted").range(-1.1, 1.1, -1.1, 1.1).diagonal();
            for (String d : new String[]{a, b}) {
                List<Experiment.Prediction> ps = r.predictions().stream().filter(x -> x.model().equals(m) && x.label() == l
                        && x.training().equals(joint) && x.domain().equals(d)).toList();
                s.add(new Plot.Series(d, ps.stream().mapToDouble(Experiment.Prediction::truth).toArray(),
                        ps.stream().mapToDouble(Experiment.Prediction::predicted).toArray(), false));
            }
            f = "predicted-" + m + "-" + l.key() + ".png";
            s.save(dir.resolve(f));
            out.add(f);
        }
        if (labels.contains(Label.AROUSAL) && labels.contains(Label.VALENCE)) {
            for (String m : models) {
                Plot av = new Plot(m + ": predictions of " + joint + " on the arousal-valence plane", "valence", "arousal").range(-1.1, 1.1, -1.1, 1.1);
                for (String d : new String[]{a, b}) {
                    Map<String, double[]> byId = new HashMap<>();
                    for (var x : r.predictions()) {
                        if (!x.model().equals(m) || !x.training().equals(joint) || !x.domain().equals(d)) continue;
                        double[] v = byId.computeIfAbsent(x.id(), k -> new double[]{Double.NaN, Double.NaN});
                        v[x.label() == Label.VALENCE ? 0 : 1] = x.predicted();
                    }
                    av.add(new Plot.Series(d, byId.values().stream().mapToDouble(v -> v[0]).toArray(),
                            byId.values().stream().mapToDouble(v -> v[1]).toArray(), false));
                }
                String f = "av-plane-" + m + ".png";
                av.save(dir.resolve(f));
                out.add(f);
            }
        }
        return out;
    }

    static void writeFolds(Path f, List<Experiment.FoldResult> folds) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8))) {
            w.println("model,label,training,p,fold,tested,sign_only,n_train,n_test,r2,rmse,mae,sign_accuracy,roc_auc,chosen,seconds");
            for (var r : folds) {
                w.println(String.join(",", r.model(), r.label().key(), csv(r.training()), num(r.p()), Integer.toString(r.fold()),
                        csv(r.tested()), Boolean.toString(r.signOnly()), Integer.toString(r.nTrain()), Integer.toString(r.nTest()),
                        num(r.r2()), num(r.rmse()), num(r.mae()), num(r.signAccuracy()), num(r.auc()), csv(r.chosen()), num(r.seconds())));
            }
        }
    }

    static void writePredictions(Path f, List<Experiment.Prediction> ps) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8))) {
            w.println("model,label,training,fold,domain,id,truth,predicted");
            for (var p : ps) {
                w.println(String.join(",", p.model(), p.label().key(), csv(p.training()), Integer.toString(p.fold()),
                        csv(p.domain()), csv(p.id()), num(p.truth()), num(p.predicted())));
            }
        }
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    public static String csvCell(String s) {
        return csv(s);
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
