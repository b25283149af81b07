package org.sonemo.data;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test corpus (system property sonemo.corpus, else ../shared/corpus); tests skip without it. */
public final class Corpus {
    private Corpus() {
    }

    public static Path dir(String sub) {
        Path root = Path.of(System.getProperty("sonemo.corpus", "../shared/corpus"));
        Path p = root.resolve(sub);
        Assumptions.assumeTrue(Files.isDirectory(p), "test corpus folder " + p.toAbsolutePath()
                + " is absent (set -Dsonemo.corpus=DIR): skipping");
        return p;
    }
}
