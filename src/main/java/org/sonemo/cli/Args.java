package org.sonemo.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Minimal GNU-style option parsing for every command: {@code --name value}, {@code --name=value},
 * flags, positionals. Repeatable options keep every value, in order.
 */
final class Args {
    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> positionals = new ArrayList<>();
    /** Every option as {name, value}, in command-line order (to pair options, e.g. --data with --features). */
    final List<String[]> sequence = new ArrayList<>();

    private Args() {
    }

    /**
     * @param valued options that take a value
     * @param flags  options that take none
     */
    static Args parse(String[] args, Set<String> valued, Set<String> flags) {
        Args a = new Args();
        for (int i = 0; i < args.length; i++) {
            String s = args[i];
            if (s.equals("--")) {
                for (i++; i < args.length; i++) a.positionals.add(args[i]);
                break;
            }
            if (!s.startsWith("--") || s.length() == 2) {
                a.positionals.add(s);
                continue;
            }
            String name = s.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) throw new UsageException("--" + name + " takes no value");
                a.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                a.sequence.add(new String[]{name, "true"});
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) throw new UsageException("--" + name + " needs a value");
                    value = args[++i];
                }
                a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                a.sequence.add(new String[]{name, value});
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return a;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String get(String name, String fallback) {
        List<String> v = options.get(name);
        return v == null ? fallback : v.getLast();
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    int getInt(String name, int fallback, int min, int max) {
        String v = get(name, null);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) throw new UsageException("--" + name + " must be between " + min + " and " + max + ": " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number: " + v);
        }
    }

    List<String> positionals() {
        return positionals;
    }

    String require(String name) {
        String v = get(name, null);
        if (v == null) throw new UsageException("--" + name + " is required");
        return v;
    }

    int integer(String name, int fallback) {
        return getInt(name, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A comma-separated list of numbers. */
    double[] doubles(String name, String fallback) {
        String[] p = get(name, fallback).split(",");
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
}
