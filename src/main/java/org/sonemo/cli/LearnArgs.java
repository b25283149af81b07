package org.sonemo.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of the learning commands: {@code --name value} pairs (repeatable ones keep every
 * value, in order), {@code --flag} switches, and positional arguments.
 */
final class LearnArgs {
    final Map<String, List<String>> values = new LinkedHashMap<>();
    final List<String> positional = new ArrayList<>();
    /** For each positional or option, the index of the preceding {@code --data} (for --features pairing). */
    final List<String[]> sequence = new ArrayList<>();

    interface Body {
        int run() throws java.io.IOException;
    }

    /** Runs a command body; data, I/O and extraction errors become "sonemo CMD: message" and exit code 1. */
    static int guarded(String command, java.io.PrintStream err, Body body) {
        try {
            return body.run();
        } catch (java.io.IOException | org.sonemo.data.DataException | org.sonemo.features.ExtractionException e) {
            err.println("sonemo " + command + ": " + e.getMessage());
            return 1;
        }
    }

    static LearnArgs parse(String[] args, Set<String> withValue, Set<String> flags) {
        LearnArgs a = new LearnArgs();
        for (int i = 0; i < args.length; i++) {
            String s = args[i];
            if (s.startsWith("--")) {
                String name = s.substring(2);
                String v = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    v = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (v != null) throw new UsageException("--" + name + " takes no value");
                    a.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                    a.sequence.add(new String[]{name, "true"});
                } else if (withValue.contains(name)) {
                    if (v == null) {
                        if (i + 1 >= args.length) throw new UsageException("--" + name + " needs a value");
                        v = args[++i];
                    }
                    a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
                    a.sequence.add(new String[]{name, v});
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    String get(String name, String def) {
        List<String> v = values.get(name);
        return v == null ? def : v.getLast();
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String require(String name) {
        String v = get(name, null);
        if (v == null) throw new UsageException("--" + name + " is required");
        return v;
    }

    int integer(String name, int def) {
        String v = get(name, null);
        if (v == null) return def;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer: " + v);
        }
    }

    double[] doubles(String name, String def) {
        String[] p = get(name, def).split(",");
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            try {
                out[i] = Double.parseDouble(p[i].strip());
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + ": not a number: " + p[i]);
            }
        }
        return out;
    }
}
