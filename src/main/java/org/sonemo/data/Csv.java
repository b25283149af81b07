package org.sonemo.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC-4180 CSV reader for annotation files: quoted fields, doubled quotes, a BOM, CRLF;
 * cells are trimmed of spaces and tabs (emoMusic's files quote tab-padded values).
 *
 * @param header column names of the first line
 * @param rows   the other non-blank lines, each padded with empty cells to the header's width
 */
public record Csv(Path file, List<String> header, List<String[]> rows) {

    public static Csv read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String[]> lines = parse(text);
        if (lines.isEmpty()) throw new DataException(file + ": empty file, expected a header line");
        List<String> header = List.of(lines.getFirst());
        List<String[]> rows = new ArrayList<>(lines.size() - 1);
        for (String[] r : lines.subList(1, lines.size())) {
            if (r.length == 1 && r[0].isEmpty()) continue;
            if (r.length < header.size()) {
                String[] p = new String[header.size()];
                System.arraycopy(r, 0, p, 0, r.length);
                for (int i = r.length; i < p.length; i++) p[i] = "";
                r = p;
            }
            rows.add(r);
        }
        return new Csv(file, header, rows);
    }

    /** Index of the first of the names found in the header (case-insensitive), or -1. */
    public int column(String... names) {
        for (String n : names) {
            for (int i = 0; i < header.size(); i++) if (header.get(i).equalsIgnoreCase(n)) return i;
        }
        return -1;
    }

    /** Like {@link #column} but a missing column is a {@link DataException} naming the file. */
    public int require(String... names) {
        int c = column(names);
        if (c < 0) {
            throw new DataException(file + ": no column " + String.join(" or ", names) + " (header: " + header + ")");
        }
        return c;
    }

    /** A map from the values of one column to row indices (first occurrence wins). */
    public Map<String, Integer> index(int column) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) m.putIfAbsent(rows.get(i)[column], i);
        return m;
    }

    /** Parses a cell as a number; empty cells are NaN; anything else is a {@link DataException}. */
    public double number(int row, int column) {
        String s = rows.get(row)[column];
        if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("na")) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new DataException(file + ": line " + (row + 2) + ", column " + header.get(column)
                    + ": not a number: '" + s + "'");
        }
    }

    static List<String[]> parse(String text) {
        List<String[]> out = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(clean(cell));
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                row.add(clean(cell));
                cell.setLength(0);
                out.add(row.toArray(String[]::new));
                row.clear();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(clean(cell));
            out.add(row.toArray(String[]::new));
        }
        return out;
    }

    private static String clean(StringBuilder b) {
        return b.toString().strip();
    }
}
