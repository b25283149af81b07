package org.sonemo.cli;

import java.util.Locale;

/** CSV formatting shared by the commands that write tables. */
final class Csv {
    private Csv() {
    }

    /** RFC 4180 quoting when needed. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Seconds with up to microsecond precision, trailing zeros dropped. */
    static String seconds(double t) {
        String s = String.format(Locale.ROOT, "%.6f", t);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') end--;
        if (end > 0 && s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    /** The shortest decimal that reads back as the same float. */
    static void value(StringBuilder sb, float v) {
        if (v == (int) v && Math.abs(v) < 1e7f) sb.append((int) v);
        else sb.append(v);
    }
}
