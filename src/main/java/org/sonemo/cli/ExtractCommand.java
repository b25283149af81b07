package org.sonemo.cli;

import java.io.PrintStream;

/** {@code sonemo extract}: features of files and folders to CSV (being written). */
final class ExtractCommand {
    private ExtractCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        throw new UsageException("in progress");
    }
}
