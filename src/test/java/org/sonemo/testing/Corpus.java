package org.sonemo.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test corpus ({@code ../shared/corpus}); tests skip, saying so, when it is absent. */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        String p = System.getProperty("sonemo.corpus");
        return Path.of(p != null && !p.isBlank() ? p : "../shared/corpus").toAbsolutePath().normalize();
    }

    /** A folder or file under the corpus; skips the calling test when it is missing. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), () -> "corpus not present at " + p
                + " (tests read the shared corpus at ../shared/corpus; see ../shared/corpus/README.md)");
        return p;
    }
}
