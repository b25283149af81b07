package org.sonemo.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point of {@code ./sonemo}: one subcommand per task. */
public final class Main {
    private Main() {
    }

    /** Held so the level set below is not lost when the logger is collected. */
    private static final java.util.logging.Logger SMILE_LOG = java.util.logging.Logger.getLogger("org.sonemo.opensmile");

    public static void main(String[] args) {
        configureLogging();
        System.exit(run(args, System.out, System.err));
    }

    /**
     * openSMILE logs through {@code org.sonemo.opensmile}; its errors already reach the user as
     * exceptions, and its warnings repeat for every file, so it is silent unless
     * {@code SONEMO_LOG} names a level (e.g. {@code SONEMO_LOG=warning}) or a logging
     * configuration file is given.
     */
    static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) return;
        String level = System.getenv("SONEMO_LOG");
        try {
            SMILE_LOG.setLevel(level == null ? java.util.logging.Level.OFF
                    : java.util.logging.Level.parse(level.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            SMILE_LOG.setLevel(java.util.logging.Level.OFF);
        }
    }

    /** Runs a subcommand and returns the process exit code (0 success, 1 some inputs failed, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            err.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "extract" -> ExtractCommand.run(rest, out, err);
                case "parity" -> ParityCommand.run(rest, out, err);
                case "train" -> TrainCommand.run(rest, out, err);
                case "predict" -> PredictCommand.run(rest, out, err);
                case "experiment" -> ExperimentCommand.run(rest, out, err);
                default -> {
                    err.println("sonemo: unknown command '" + args[0] + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println("sonemo " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (org.sonemo.features.ExtractionException e) {
            // set-up problems (no openSMILE library, a set the engine lacks): one line, no stack trace
            err.println("sonemo " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    static final String USAGE = """
            usage: sonemo <command> [options]
              extract   features of audio files: sonemo extract [--set egemaps] [--level functionals|lld|lld_de]
                        [--jobs N] [--out FILE] INPUT...
              parity    Java vs native eGeMAPS agreement: sonemo parity [--set egemaps] [--rate HZ] [--out DIR] INPUT...
              train     fit arousal/valence models: sonemo train --data KIND:PATH [--data ...] [--label arousal|valence|both]
                        [--model svr|linear] [--set egemaps] --out MODEL
              predict   arousal/valence of audio files: sonemo predict --model MODEL INPUT...
              experiment  the joint music + sounds protocol: sonemo experiment --a KIND:PATH --b KIND:PATH
                        [--ratios 0,0.25,0.5,0.75,1] [--labels arousal,valence] [--models svr,linear] --out DIR
            Run 'sonemo <command> --help' for a command's options.""";
}
