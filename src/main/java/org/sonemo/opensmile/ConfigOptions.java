package org.sonemo.opensmile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a configuration and its includes declare: the command-line options they read
 * ({@code \cm[name{default}]}) and the data-memory levels their components write
 * ({@code writer.dmLevel = name}).
 */
final class ConfigOptions {
    private ConfigOptions() {
    }

    private record Declared(Set<String> options, Set<String> levels) {
    }

    private static final Pattern OPTION = Pattern.compile("\\\\cm\\[([A-Za-z0-9_]+)");
    private static final Pattern INCLUDE = Pattern.compile("\\\\\\{([^}\\\\]+)}");
    private static final Pattern WRITER = Pattern.compile("(?m)^\\s*writer\\.dmLevel\\s*=\\s*([A-Za-z0-9_]+)");
    private static final ConcurrentHashMap<Path, Declared> CACHE = new ConcurrentHashMap<>();

    /** The options the configuration reads. */
    static Set<String> read(Path configFile) {
        return declared(configFile).options();
    }

    /** The levels the configuration's components write (sorted; not the input level of the source include). */
    static Set<String> levelsWritten(Path configFile) {
        return declared(configFile).levels();
    }

    private static Declared declared(Path configFile) {
        return CACHE.computeIfAbsent(configFile.toAbsolutePath().normalize(), f -> {
            Set<String> options = new HashSet<>();
            Set<String> levels = new TreeSet<>();
            collect(f, options, levels, new HashSet<>());
            return new Declared(Set.copyOf(options), java.util.Collections.unmodifiableSet(levels));
        });
    }

    private static void collect(Path file, Set<String> names, Set<String> levels, Set<Path> seen) {
        if (!seen.add(file) || !Files.isRegularFile(file)) return;
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openSMILE configuration " + file, e);
        }
        Matcher m = OPTION.matcher(text);
        while (m.find()) names.add(m.group(1));
        Matcher w = WRITER.matcher(text);
        while (w.find()) levels.add(w.group(1));
        Matcher inc = INCLUDE.matcher(text);
        while (inc.find()) collect(file.resolveSibling(inc.group(1).strip()).normalize(), names, levels, seen);
    }
}
