package org.sonemo.opensmile;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where openSMILE's library and configuration folder are. In order: the system properties
 * {@code sonemo.smileapi.lib} / {@code sonemo.opensmile.config}, the environment variables
 * {@code SONEMO_SMILEAPI_LIB} / {@code SONEMO_OPENSMILE_CONFIG}, then a home folder holding both
 * (property {@code sonemo.opensmile.home}, variable {@code SONEMO_OPENSMILE_HOME}), then
 * {@code third_party/opensmile} in a folder above the jar (the project), or in the working directory.
 */
final class SmileLocation {
    private SmileLocation() {
    }

    static final String HOW_TO_SUPPLY = """

            Run third_party/fetch-opensmile.sh (or ./sonemo setup), or point sonemo at an unpacked \
            opensmile 2.6.0 wheel with -Dsonemo.smileapi.lib=/path/libSMILEapi.so and \
            -Dsonemo.opensmile.config=/path/config (or the variables SONEMO_SMILEAPI_LIB and \
            SONEMO_OPENSMILE_CONFIG).""";

    static Path library() {
        String explicit = setting("sonemo.smileapi.lib", "SONEMO_SMILEAPI_LIB");
        if (explicit != null) return Path.of(explicit);
        return home().resolve(libraryFileName());
    }

    static Path configRoot() {
        String explicit = setting("sonemo.opensmile.config", "SONEMO_OPENSMILE_CONFIG");
        if (explicit != null) return Path.of(explicit);
        return home().resolve("config");
    }

    static Path home() {
        String explicit = setting("sonemo.opensmile.home", "SONEMO_OPENSMILE_HOME");
        if (explicit != null) return Path.of(explicit);
        // the project holding the jar or classes folder (target/sonemo.jar, bench/target/benchmarks.jar)
        for (Path dir = codeLocation(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("third_party/opensmile");
            if (Files.isDirectory(p)) return p;
        }
        return Path.of("third_party/opensmile").toAbsolutePath();
    }

    static String libraryFileName() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("win")) return "SMILEapi.dll";
        if (os.contains("mac")) return "libSMILEapi.dylib";
        return "libSMILEapi.so";
    }

    private static String setting(String property, String variable) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(variable);
        return v == null || v.isBlank() ? null : v;
    }

    /** The jar or classes folder this class was loaded from. */
    private static Path codeLocation() {
        try {
            var src = SmileLocation.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
