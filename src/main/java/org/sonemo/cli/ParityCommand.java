package org.sonemo.cli;

import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;
import org.sonemo.features.Engine;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputScale;
import org.sonemo.features.Level;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code sonemo parity}: runs the native and the Java engine on the same decoded (and optionally
 * resampled) audio and writes, per descriptor, how far apart they are: frame by frame for the 25
 * LLDs, file by file for the 88 functionals; markdown + CSV + PNG plots of the worst files.
 */
final class ParityCommand {
    private ParityCommand() {
    }

    static final String HELP = """
            usage: sonemo parity [--set egemaps] [--rate HZ] [--out DIR] INPUT...
              INPUT        audio files or folders (walked recursively)
              --set NAME   feature set; only egemaps (eGeMAPS v02) has a Java engine
              --rate HZ    resample every input to HZ first (as extract --rate), default: own rate
              --scale S    opensmile (default) or unity, as for extract
              --out DIR    output folder (default: parity-out): parity.md, lld.csv,
                           functionals.csv, plot-<descriptor>.png
            Needs the native engine (openSMILE); exit code 0 when both engines ran on every file.""";

    static int run(String[] argv, PrintStream out, PrintStream err) {
        Args a = Args.parse(argv, Set.of("set", "rate", "out", "scale"), Set.of("help"));
        if (a.flag("help")) {
            out.println(HELP);
            return 0;
        }
        if (a.positionals().isEmpty()) throw new UsageException("no INPUT given\n" + HELP);
        FeatureSet set;
        try {
            set = FeatureSet.fromCliName(a.get("set", "egemaps"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (set != FeatureSet.EGEMAPS_V02) throw new UsageException("only --set egemaps has a Java engine to compare");
        InputScale scale = switch (a.get("scale", "opensmile")) {
            case "opensmile" -> InputScale.OPENSMILE_INT16;
            case "unity" -> InputScale.UNITY;
            default -> throw new UsageException("--scale is opensmile or unity");
        };
        int rate = a.getInt("rate", 0, 8_000, 192_000);
        Path dir = Path.of(a.get("out", "parity-out"));
        List<InputFiles.Input> inputs = InputFiles.expand(a.positionals());
        if (inputs.isEmpty()) {
            err.println("sonemo parity: no audio files found");
            return 1;
        }
        ParityReport report = new ParityReport();
        int failures = 0;
        try (Extractor nl = Extractor.open(new ExtractorSpec(set, Level.LLD, Engine.NATIVE, scale));
             Extractor nf = Extractor.open(new ExtractorSpec(set, Level.FUNCTIONALS, Engine.NATIVE, scale));
             Extractor jl = Extractor.open(new ExtractorSpec(set, Level.LLD, Engine.JAVA, scale));
             Extractor jf = Extractor.open(new ExtractorSpec(set, Level.FUNCTIONALS, Engine.JAVA, scale))) {
            report.init(nl.featureNames(), nf.featureNames());
            for (InputFiles.Input in : inputs) {
                try {
                    AudioBuffer audio = AudioFiles.read(in.path()).mixDown();
                    if (rate > 0 && audio.sampleRate() != rate) {
                        audio = AudioFiles.resample(audio, rate);
                    }
                    FeatureTable n1 = nl.extract(audio), j1 = jl.extract(audio);
                    FeatureTable n2 = nf.extract(audio), j2 = jf.extract(audio);
                    report.add(in.label(), n1, j1, n2, j2);
                } catch (Exception e) {
                    failures++;
                    err.println(in.label() + ": " + ExtractCommand.reason(e));
                }
            }
        }
        try {
            Files.createDirectories(dir);
            report.write(dir, String.join(" ", argv), rate);
        } catch (IOException e) {
            err.println("sonemo parity: cannot write " + dir + ": " + e.getMessage());
            return 1;
        }
        out.println(report.summary());
        out.println("sonemo parity: report in " + dir.resolve("parity.md"));
        return failures == 0 ? 0 : 1;
    }

    /** Accumulates paired values and writes the report. */
    static final class ParityReport {
        List<String> lldNames, funcNames;
        final List<String> files = new ArrayList<>();
        /** per LLD column: pooled native / java values, per-file frame arrays for plots. */
        List<double[][]> lldNative = new ArrayList<>(), lldJava = new ArrayList<>();
        List<double[]> funcNative = new ArrayList<>(), funcJava = new ArrayList<>();
        int rowMismatches;
        final List<String> rowNotes = new ArrayList<>();

        void init(List<String> lld, List<String> func) {
            lldNames = lld;
            funcNames = func;
        }

        void add(String file, FeatureTable nl, FeatureTable jl, FeatureTable nf, FeatureTable jf) {
            files.add(file);
            int rows = Math.min(nl.rows(), jl.rows());
            if (nl.rows() != jl.rows()) {
                rowMismatches++;
                rowNotes.add(file + ": native " + nl.rows() + " rows, java " + jl.rows());
            }
            double[][] n = new double[lldNames.size()][rows], j = new double[lldNames.size()][rows];
            for (int c = 0; c < lldNames.size(); c++) {
                int jc = jl.column(lldNames.get(c));
                for (int r = 0; r < rows; r++) {
                    n[c][r] = nl.get(r, c);
                    j[c][r] = jc < 0 ? Double.NaN : jl.get(r, jc);
                }
            }
            lldNative.add(n);
            lldJava.add(j);
            double[] fn = new double[funcNames.size()], fj = new double[funcNames.size()];
            for (int c = 0; c < funcNames.size(); c++) {
                int jc = jf.column(funcNames.get(c));
                fn[c] = nf.get(0, c);
                fj[c] = jc < 0 ? Double.NaN : jf.get(0, jc);
            }
            funcNative.add(fn);
            funcJava.add(fj);
        }

        /** Statistics of paired samples: max/median abs, max/median rel, Pearson r. */
        record Stats(int n, double maxAbs, double medAbs, double maxRel, double medRel, double r) {
            static Stats of(double[] a, double[] b, int n) {
                double[] abs = new double[n], rel = new double[n];
                double ma = 0, mb = 0;
                for (int i = 0; i < n; i++) {
                    abs[i] = Math.abs(a[i] - b[i]);
                    rel[i] = abs[i] / Math.max(Math.abs(a[i]), 1e-12);
                    ma += a[i];
                    mb += b[i];
                }
                if (n == 0) return new Stats(0, 0, 0, 0, 0, Double.NaN);
                ma /= n;
                mb /= n;
                double sab = 0, saa = 0, sbb = 0;
                for (int i = 0; i < n; i++) {
                    sab += (a[i] - ma) * (b[i] - mb);
                    saa += (a[i] - ma) * (a[i] - ma);
                    sbb += (b[i] - mb) * (b[i] - mb);
                }
                double r = saa == 0 && sbb == 0 ? 1 : sab / Math.sqrt(saa * sbb);
                Arrays.sort(abs);
                Arrays.sort(rel);
                return new Stats(n, abs[n - 1], abs[n / 2], rel[n - 1], rel[n / 2], r);
            }
        }

        Stats lldStats(int c) {
            int total = 0;
            for (double[][] f : lldNative) total += f[c].length;
            double[] a = new double[total], b = new double[total];
            int k = 0;
            for (int f = 0; f < lldNative.size(); f++) {
                double[] x = lldNative.get(f)[c], y = lldJava.get(f)[c];
                for (int i = 0; i < x.length; i++) {
                    a[k] = x[i];
                    b[k++] = y[i];
                }
            }
            return Stats.of(a, b, total);
        }

        /** Frames whose difference exceeds both 1e-4 relative and 1e-3 absolute (the spectral target). */
        long outsideTolerance(int c) {
            long k = 0;
            for (int f = 0; f < lldNative.size(); f++) {
                double[] x = lldNative.get(f)[c], y = lldJava.get(f)[c];
                for (int i = 0; i < x.length; i++) {
                    double d = Math.abs(x[i] - y[i]);
                    if (d > 1e-3 && d > 1e-4 * Math.abs(x[i])) k++;
                }
            }
            return k;
        }

        /** Fraction of frames where both engines agree on zero / non-zero (voicing for sma3nz). */
        double voicingAgreement(int c) {
            long agree = 0, total = 0;
            for (int f = 0; f < lldNative.size(); f++) {
                double[] x = lldNative.get(f)[c], y = lldJava.get(f)[c];
                for (int i = 0; i < x.length; i++) {
                    if ((x[i] != 0) == (y[i] != 0)) agree++;
                    total++;
                }
            }
            return total == 0 ? Double.NaN : (double) agree / total;
        }

        /** |difference| quantiles on frames both call non-zero (semitones for F0). */
        double[] bothNonZeroQuantiles(int c) {
            List<Double> d = new ArrayList<>();
            for (int f = 0; f < lldNative.size(); f++) {
                double[] x = lldNative.get(f)[c], y = lldJava.get(f)[c];
                for (int i = 0; i < x.length; i++) if (x[i] != 0 && y[i] != 0) d.add(Math.abs(x[i] - y[i]));
            }
            if (d.isEmpty()) return new double[]{Double.NaN, Double.NaN, 0};
            d.sort(null);
            return new double[]{d.get(d.size() / 2), d.get((int) Math.min(d.size() - 1, Math.floor(0.95 * d.size()))), d.size()};
        }

        Stats funcStats(int c) {
            int n = funcNative.size();
            double[] a = new double[n], b = new double[n];
            for (int f = 0; f < n; f++) {
                a[f] = funcNative.get(f)[c];
                b[f] = funcJava.get(f)[c];
            }
            return Stats.of(a, b, n);
        }

        String summary() {
            int f0 = lldNames.indexOf("F0semitoneFrom27.5Hz_sma3nz");
            double[] q = f0 >= 0 ? bothNonZeroQuantiles(f0) : new double[3];
            return String.format(Locale.ROOT, "%d files; frame-count mismatches %d; F0 voicing agreement %.4f, "
                            + "|dF0| median %.3f st, p95 %.3f st", files.size(), rowMismatches,
                    f0 >= 0 ? voicingAgreement(f0) : Double.NaN, q[0], q[1]);
        }

        void write(Path dir, String args, int rate) throws IOException {
            StringBuilder md = new StringBuilder();
            md.append("# Parity: Java engine vs native openSMILE, eGeMAPS v02\n\n");
            md.append("Command: `sonemo parity ").append(args).append("`  \n");
            md.append("Files: ").append(files.size()).append(", rate: ").append(rate > 0 ? rate + " Hz (resampled)" : "own")
                    .append(", date: ").append(java.time.LocalDate.now()).append("  \n");
            md.append(summary()).append("\n\n");
            if (!rowNotes.isEmpty()) md.append("Frame-count mismatches: ").append(rowNotes.subList(0, Math.min(10, rowNotes.size()))).append("\n\n");
            md.append("## Frame-level descriptors (all frames of all files)\n\n");
            md.append("| descriptor | frames | max abs | median abs | max rel | median rel | r | zero/non-zero agreement | median abs (both non-zero) | p95 abs (both non-zero) | frames off (rel > 1e-4 and abs > 1e-3) |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            StringBuilder csv = new StringBuilder("descriptor,frames,max_abs,median_abs,max_rel,median_rel,pearson_r,nonzero_agreement,median_abs_both_nonzero,p95_abs_both_nonzero,frames_off\n");
            for (int c = 0; c < lldNames.size(); c++) {
                Stats s = lldStats(c);
                double v = voicingAgreement(c);
                double[] q = bothNonZeroQuantiles(c);
                long off = outsideTolerance(c);
                md.append(String.format(Locale.ROOT, "| %s | %d | %.4g | %.4g | %.4g | %.4g | %.5f | %.4f | %.4g | %.4g | %d |\n",
                        lldNames.get(c), s.n(), s.maxAbs(), s.medAbs(), s.maxRel(), s.medRel(), s.r(), v, q[0], q[1], off));
                csv.append(String.format(Locale.ROOT, "%s,%d,%g,%g,%g,%g,%g,%g,%g,%g,%d\n",
                        lldNames.get(c), s.n(), s.maxAbs(), s.medAbs(), s.maxRel(), s.medRel(), s.r(), v, q[0], q[1], off));
            }
            Files.writeString(dir.resolve("lld.csv"), csv);
            md.append("\n## Functionals (one value per file)\n\n");
            md.append("| functional | files | max abs | median abs | max rel | median rel | r |\n|---|---|---|---|---|---|---|\n");
            csv = new StringBuilder("functional,files,max_abs,median_abs,max_rel,median_rel,pearson_r\n");
            for (int c = 0; c < funcNames.size(); c++) {
                Stats s = funcStats(c);
                md.append(String.format(Locale.ROOT, "| %s | %d | %.4g | %.4g | %.4g | %.4g | %.5f |\n",
                        funcNames.get(c), s.n(), s.maxAbs(), s.medAbs(), s.maxRel(), s.medRel(), s.r()));
                csv.append(String.format(Locale.ROOT, "%s,%d,%g,%g,%g,%g,%g\n",
                        funcNames.get(c), s.n(), s.maxAbs(), s.medAbs(), s.maxRel(), s.medRel(), s.r()));
            }
            Files.writeString(dir.resolve("functionals.csv"), csv);
            md.append("\n## Plots of the worst file per descriptor\n\n");
            for (int c = 0; c < lldNames.size(); c++) {
                int worst = -1;
                double wv = -1;
                for (int f = 0; f < files.size(); f++) {
                    double[] x = lldNative.get(f)[c], y = lldJava.get(f)[c];
                    double m = 0;
                    for (int i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
                    if (m > wv) {
                        wv = m;
                        worst = f;
                    }
                }
                if (worst < 0) continue;
                String png = "plot-" + lldNames.get(c).replaceAll("[^A-Za-z0-9.-]", "_") + ".png";
                plot(dir.resolve(png), lldNames.get(c) + " - " + files.get(worst) + " (max |diff| " + String.format(Locale.ROOT, "%.4g", wv) + ")",
                        lldNative.get(worst)[c], lldJava.get(worst)[c]);
                md.append("- ").append(lldNames.get(c)).append(": ").append(files.get(worst)).append(" ![](").append(png).append(")\n");
            }
            Files.writeString(dir.resolve("parity.md"), md);
        }

        /** Native (black) and Java (red) contours of one file, headless. */
        static void plot(Path file, String title, double[] a, double[] b) throws IOException {
            int w = 900, h = 320, pad = 40;
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : a) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            for (double v : b) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            if (!(hi > lo)) { hi = lo + 1; }
            g.setColor(Color.DARK_GRAY);
            g.drawString(title, pad, 20);
            g.drawString(String.format(Locale.ROOT, "%.4g", hi), 2, pad);
            g.drawString(String.format(Locale.ROOT, "%.4g", lo), 2, h - pad);
            g.drawString("black: native, red: java; x: frame", w - 260, h - 10);
            g.drawRect(pad, pad - 10, w - 2 * pad, h - 2 * pad + 10);
            g.setStroke(new BasicStroke(1.3f));
            double[][] series = {a, b};
            Color[] colors = {Color.BLACK, Color.RED};
            for (int s = 0; s < 2; s++) {
                g.setColor(colors[s]);
                double[] y = series[s];
                int n = y.length;
                for (int i = 1; i < n; i++) {
                    int x0 = pad + (int) ((i - 1) * (double) (w - 2 * pad) / Math.max(1, n - 1));
                    int x1 = pad + (int) (i * (double) (w - 2 * pad) / Math.max(1, n - 1));
                    int y0 = h - pad - (int) ((y[i - 1] - lo) / (hi - lo) * (h - 2 * pad));
                    int y1 = h - pad - (int) ((y[i] - lo) / (hi - lo) * (h - 2 * pad));
                    g.drawLine(x0, y0, x1, y1);
                }
            }
            g.dispose();
            ImageIO.write(img, "png", file.toFile());
        }
    }
}
