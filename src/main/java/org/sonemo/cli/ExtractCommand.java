package org.sonemo.cli;

import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;
import org.sonemo.features.Engine;
import org.sonemo.features.ExtractorPool;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputScale;
import org.sonemo.features.Level;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code sonemo extract}: features of audio files and folders as CSV, one row per file
 * (functionals) or per frame (frame-level levels). A file that fails is reported on stderr as
 * {@code path: reason}; the others are still written and the exit code is 1.
 */
final class ExtractCommand {
    private ExtractCommand() {
    }

    static final String HELP = """
            usage: sonemo extract [options] INPUT...
              INPUT              audio files or folders (walked recursively, in sorted order)
              --set NAME         feature set (default egemaps): %s
              --level L          functionals (default), lld, or lld_de (sets with deltas)
              --engine E         native (openSMILE in-process, the default), java (pure-Java eGeMAPS v02),
                                 or auto (native when openSMILE is present, else java)
              --channels M       mix (default: mix down to mono) or each (one result per channel,
                                 with a 'channel' column)
              --scale S          opensmile (default: float x 32768/32767, as openSMILE reads int16
                                 and as the Python package feeds it) or unity (samples as decoded)
              --rate HZ          resample to HZ before extracting (default: the file's own rate)
              --jobs N           parallel workers (default: number of cores)
              --out FILE         write CSV to FILE (default: stdout)
              --progress / --no-progress   force the progress bar on or off (default: on a terminal,
                                 for more than 5 files)
            Output: CSV with header file,start,end,<feature names as the engine names them>; times in seconds.
            Exit code: 0 all files done, 1 some files failed (each reported as 'path: reason'), 2 usage error.""";

    static int run(String[] argv, PrintStream out, PrintStream err) {
        Args a = Args.parse(argv, Set.of("set", "level", "engine", "channels", "scale", "rate", "jobs", "out"),
                Set.of("progress", "no-progress", "help"));
        if (a.flag("help")) {
            out.println(help());
            return 0;
        }
        if (a.positionals().isEmpty()) throw new UsageException("no INPUT given\n" + help());
        ExtractorSpec spec;
        boolean perChannel;
        try {
            FeatureSet set = FeatureSet.fromCliName(a.get("set", "egemaps"));
            Level level = Level.fromCliName(a.get("level", "functionals"));
            Engine engine = Engine.fromCliName(a.get("engine", "native"));
            InputScale scale = switch (a.get("scale", "opensmile")) {
                case "opensmile" -> InputScale.OPENSMILE_INT16;
                case "unity" -> InputScale.UNITY;
                default -> throw new IllegalArgumentException("--scale is opensmile or unity");
            };
            perChannel = switch (a.get("channels", "mix")) {
                case "mix" -> false;
                case "each" -> true;
                default -> throw new IllegalArgumentException("--channels is mix or each");
            };
            spec = new ExtractorSpec(set, level, engine, scale);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int rate = a.getInt("rate", 0, 8_000, 192_000);
        int jobs = a.getInt("jobs", Runtime.getRuntime().availableProcessors(), 1, 1024);
        List<InputFiles.Input> inputs = InputFiles.expand(a.positionals());
        if (inputs.isEmpty()) {
            err.println("sonemo extract: no audio files found in " + String.join(" ", a.positionals()));
            return 1;
        }

        boolean progressOn = a.flag("progress") || (!a.flag("no-progress") && System.console() != null && inputs.size() > 5);
        Progress progress = new Progress(err, inputs.size(), progressOn);
        int[] failures = {0};
        String outFile = a.get("out", null);
        try (Writer w = outFile == null
                ? new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(Path.of(outFile), StandardCharsets.UTF_8);
             ExtractorPool pool = new ExtractorPool(spec, Math.min(jobs, inputs.size()))) {
            List<String> names = pool.featureNames();
            writeHeader(w, names, perChannel);
            StringBuilder row = new StringBuilder(names.size() * 12);
            pool.extractAll(inputs, in -> load(in.path(), rate), perChannel, o -> {
                progress.step(o.ok());
                if (!o.ok()) {
                    progress.interrupt();
                    failures[0]++;
                    err.println(o.input().label() + ": " + reason(o.error()));
                    return;
                }
                try {
                    for (int c = 0; c < o.tables().size(); c++) {
                        writeRows(w, row, o.input().label(), perChannel ? c : -1, o.tables().get(c));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        } catch (IOException | UncheckedIOException e) {
            err.println("sonemo extract: cannot write " + (outFile == null ? "output" : outFile) + ": " + e.getMessage());
            return 1;
        }
        if (failures[0] > 0) {
            err.println("sonemo extract: " + failures[0] + " of " + inputs.size() + " files failed");
            return 1;
        }
        return 0;
    }

    static String help() {
        return HELP.formatted(String.join(", ", java.util.Arrays.stream(FeatureSet.values()).map(FeatureSet::cliName).toList()));
    }

    private static AudioBuffer load(Path file, int rate) throws IOException {
        AudioBuffer audio = AudioFiles.read(file);
        return rate > 0 && audio.sampleRate() != rate ? AudioFiles.resample(audio, rate) : audio;
    }

    /** The exception's message, which names the reason (and the file, for decoding errors). */
    static String reason(Exception e) {
        if (e instanceof org.sonemo.audio.AudioFormatException a) return a.reason();
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static void writeHeader(Writer w, List<String> names, boolean perChannel) throws IOException {
        StringBuilder sb = new StringBuilder("file,start,end");
        if (perChannel) sb.append(",channel");
        for (String n : names) sb.append(',').append(Csv.field(n));
        w.write(sb.append('\n').toString());
    }

    private static void writeRows(Writer w, StringBuilder sb, String label, int channel, FeatureTable t) throws IOException {
        String file = Csv.field(label);
        int cols = t.columns();
        float[] v = t.values();
        for (int r = 0; r < t.rows(); r++) {
            sb.setLength(0);
            sb.append(file).append(',').append(Csv.seconds(t.starts()[r])).append(',').append(Csv.seconds(t.ends()[r]));
            if (channel >= 0) sb.append(',').append(channel);
            for (int c = 0, k = r * cols; c < cols; c++, k++) {
                sb.append(',');
                Csv.value(sb, v[k]);
            }
            w.write(sb.append('\n').toString());
        }
    }
}
