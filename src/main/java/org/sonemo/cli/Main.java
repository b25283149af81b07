package org.sonemo.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point of {@code ./sonemo}: one subcommand per task. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
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
                default -> {
                    err.println("sonemo: unknown command '" + args[0] + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println("sonemo " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    static final String USAGE = """
            usage: sonemo <command> [options]
              extract   features of audio files: sonemo extract [--set egemaps] [--level functionals|lld|lld_de]
                        [--jobs N] [--out FILE] INPUT...
            Run 'sonemo <command> --help' for a command's options.""";
}
