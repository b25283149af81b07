package org.sonemo.opensmile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command-line options ({@code \cm[name{default}]}) a configuration and its includes read. */
final class ConfigOptions {
    private ConfigOptions() {
    }

    private static final Pattern OPTION = Pattern.compile("\\\\cm\\[([A-Za-z0-9_]+)");
    private static final Pattern INCLUDE = Pattern.compile("\\\\\\{([^}\\\\]+)}");
    private static final ConcurrentHashMap<Path, Set<String>> CACHE = new ConcurrentHashMap<>();

    static Set<String> read(Path configFile) {
        return CACHE.computeIfAbsent(configFile.toAbsolutePath().normalize(), f -> {
            Set<String> names = new HashSet<>();
            collect(f, names, new HashSet<>());
            return Set.copyOf(names);
        });
    }

    private static void collect(Path file, Set<String> names, Set<Path> seen) {
        if (!seen.add(file) || !Files.isRegularFile(file)) return;
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openSMILE configuration " + file, e);
        }
        Matcher m = OPTION.matcher(text);
        while (m.find()) names.add(m.group(1));
        Matcher inc = INCLUDE.matcher(text);
        while (inc.find()) collect(file.resolveSibling(inc.group(1).strip()).normalize(), names, seen);
    }
}
