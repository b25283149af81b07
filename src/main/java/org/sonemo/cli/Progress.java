package org.sonemo.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr, drawn only on a terminal (or when forced). */
final class Progress {
    private final PrintStream err;
    private final int total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private int done;
    private int failed;
    private long lastDraw;

    Progress(PrintStream err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled;
    }

    void step(boolean ok) {
        done++;
        if (!ok) failed++;
        if (!enabled) return;
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) return; // redraw at most 10 times a second
        lastDraw = now;
        int width = 30;
        int filled = (int) ((long) width * done / total);
        double secs = (now - start) / 1e9;
        double eta = done == 0 ? 0 : secs / done * (total - done);
        err.printf("\r[%s%s] %d/%d%s  %.0fs elapsed, %.0fs left ", "#".repeat(filled), ".".repeat(width - filled),
                done, total, failed > 0 ? " (" + failed + " failed)" : "", secs, eta);
        if (done == total) err.println();
        err.flush();
    }

    /** Clears the bar's line before other stderr output. */
    void interrupt() {
        if (enabled && done < total) err.print("\r" + " ".repeat(78) + "\r");
    }
}
