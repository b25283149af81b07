package org.sonemo.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test corpus ({@code ../shared/corpus}); tests skip, saying so, when it is absent. */
public final class Corpus {
    private Corpus() {
    }

    /** Where the corpus should be: system property {@code sonemo.corpus}, else {@code ../shared/corpus}. */
    public static Path location() {
        String p = System.getProperty("sonemo.corpus");
        return Path.of(p != null && !p.isBlank() ? p : "../shared/corpus").toAbsolutePath().normalize();
    }

    /** The corpus folder; skips the calling test when it is missing. */
    public static Path root() {
        return require("");
    }

    /** A folder or file under the corpus; skips the calling test when it is missing. */
    public static Path require(String relative) {
        Path p = relative.isEmpty() ? location() : location().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), () -> "corpus not present at " + p
                + " (tests read the shared corpus at ../shared/corpus; see ../shared/corpus/README.md)");
        return p;
    }
}
