package org.sonemo.data;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loaders for the real layouts of the emotion datasets. A dataset is named on the command line
 * as {@code KIND[,option=value...]:PATH}:
 * <ul>
 *   <li>{@code pmemo:DIR} PMEmo2019: {@code metadata.csv}, {@code annotations/static_annotations.csv}
 *       (0-1 scale) and {@code _std}, audio {@code chorus/}</li>
 *   <li>{@code iads:DIR} IADS-E: {@code Sound Ratings.xlsx} ({@code Sound ID} or {@code ID},
 *       {@code AroMN}, {@code ValMN}, {@code Category}; SAM 1-9) and audio files anywhere below
 *       DIR named by the id; option {@code music=drop} (or kind {@code iads-nomusic}) removes the
 *       Music category</li>
 *   <li>{@code tava:DIR} TAVA: {@code labels.csv} ([-1, 1]); group = speaker; option
 *       {@code variant=speech|tegg}</li>
 *   <li>{@code 4q:DIR} 4Q: {@code annotations.csv} quadrants, audio {@code audio/SONG.mp3};
 *       sign-only; group = artist</li>
 *   <li>{@code emomusic:DIR} emoMusic: {@code static_annotations.csv} (1-9), audio {@code audio/ID.mp3}</li>
 *   <li>{@code manifest:FILE} any CSV {@code path,arousal,valence[,domain][,group]}, paths
 *       relative to the file; option {@code scale=unit|0-1|1-9}</li>
 * </ul>
 * Every loader accepts {@code name=NAME} (the domain name) and {@code groups=off}.
 * Rows whose audio file is missing are counted and skipped.
 */
public final class Datasets {
    private static final int EXAMPLES = 5;

    private Datasets() {
    }

    /** A parsed {@code KIND[,k=v...]:PATH}. */
    public record Spec(String kind, Map<String, String> options, Path path) {
        public static Spec parse(String s) {
            int colon = s.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("expected KIND:PATH, got '" + s + "'");
            String[] head = s.substring(0, colon).split(",");
            Map<String, String> opts = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int eq = head[i].indexOf('=');
                if (eq < 0) opts.put(head[i].strip(), "true");
                else opts.put(head[i].substring(0, eq).strip(), head[i].substring(eq + 1).strip());
            }
            return new Spec(head[0].strip().toLowerCase(Locale.ROOT), opts, Path.of(s.substring(colon + 1)));
        }
    }

    public static Dataset load(String spec) throws IOException {
        return load(Spec.parse(spec));
    }

    public static Dataset load(Spec spec) throws IOException {
        Map<String, String> o = new HashMap<>(spec.options());
        String kind = spec.kind();
        if (kind.equals("iads-nomusic")) {
            kind = "iads";
            o.put("music", "drop");
        }
        Dataset d = switch (kind) {
            case "pmemo" -> pmemo(spec.path());
            case "iads", "iads-e", "iadse" -> iads(spec.path(), "drop".equals(o.get("music")));
            case "tava" -> tava(spec.path(), o.get("variant"));
            case "4q" -> fourQ(spec.path());
            case "emomusic" -> emoMusic(spec.path());
            case "manifest" -> manifest(spec.path(), o.getOrDefault("scale", "unit"));
            default -> throw new IllegalArgumentException("unknown dataset kind '" + spec.kind()
                    + "' (pmemo, iads, iads-nomusic, tava, 4q, emomusic, manifest)");
        };
        if (o.containsKey("name")) {
            String n = o.get("name");
            d = new Dataset(n, d.kind(), d.root(), d.scale(), d.signOnly(),
                    d.clips().stream().map(c -> new Clip(c.id(), c.audio(), c.arousal(), c.valence(), n, c.group())).toList(),
                    d.missing(), d.missingExamples());
        }
        if ("off".equals(o.get("groups"))) {
            d = d.withClips(d.clips().stream().map(c -> new Clip(c.id(), c.audio(), c.arousal(), c.valence(), c.domain(), null)).toList());
        }
        return d;
    }

    /** Collects clips and missing-audio rows. */
    private static final class Builder {
        final String name;
        final List<Clip> clips = new ArrayList<>();
        int missing;
        final List<String> examples = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        void add(String id, Path audio, double a, double v, String group) {
            if (audio == null || !Files.isRegularFile(audio)) {
                missing++;
                if (examples.size() < EXAMPLES) examples.add(audio == null ? id : audio.toString());
                return;
            }
            clips.add(new Clip(id, audio, a, v, name, group));
        }

        Dataset build(String kind, Path root, LabelScale scale, boolean signOnly) {
            return new Dataset(name, kind, root, scale, signOnly, clips, missing, examples);
        }
    }

    static void requireDir(Path dir, String what) {
        if (!Files.isDirectory(dir)) throw new DataException(what + ": not a folder: " + dir);
    }

    static Path requireFile(Path f) {
        if (!Files.isRegularFile(f)) throw new DataException("missing file " + f);
        return f;
    }

    // ---- PMEmo2019 ----

    public static Dataset pmemo(Path root) throws IOException {
        requireDir(root, "PMEmo");
        Csv ann = Csv.read(requireFile(root.resolve("annotations/static_annotations.csv")));
        int id = ann.require("musicId"), ar = ann.require("Arousal(mean)"), va = ann.require("Valence(mean)");
        Path stdFile = root.resolve("annotations/static_annotations_std.csv");
        if (Files.isRegularFile(stdFile)) { // read to validate; its empty cells are allowed
            Csv std = Csv.read(stdFile);
            int sa = std.require("Arousal(std)"), sv = std.require("Valence(std)");
            for (int r = 0; r < std.rows().size(); r++) {
                std.number(r, sa);
                std.number(r, sv);
            }
        }
        Map<String, String> fileOf = new HashMap<>();
        Path meta = root.resolve("metadata.csv");
        if (Files.isRegularFile(meta)) {
            Csv m = Csv.read(meta);
            int mid = m.require("musicId"), fn = m.column("fileName");
            if (fn >= 0) for (String[] row : m.rows()) if (!row[fn].isEmpty()) fileOf.put(row[mid], row[fn]);
        }
        Builder b = new Builder("pmemo");
        LabelScale s = LabelScale.ZERO_ONE;
        for (int r = 0; r < ann.rows().size(); r++) {
            String music = ann.rows().get(r)[id];
            if (music.isEmpty()) continue;
            String file = fileOf.getOrDefault(music, music + ".mp3");
            b.add(music, root.resolve("chorus").resolve(file), s.toUnit(ann.number(r, ar)), s.toUnit(ann.number(r, va)), null);
        }
        return b.build("pmemo", root, s, false);
    }

    // ---- IADS-E ----

    public static Dataset iads(Path root, boolean dropMusic) throws IOException {
        Path xlsx = Files.isRegularFile(root) ? root : root.resolve("Sound Ratings.xlsx");
        requireFile(xlsx);
        Path dir = Files.isRegularFile(root) ? root.getParent() : root;
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            boolean first = true;
            for (Row row : sheet) {
                int n = Math.max(row.getLastCellNum(), header.size());
                String[] cells = new String[Math.max(n, 0)];
                for (int c = 0; c < cells.length; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) cells[c] = "";
                    else if (cell.getCellType() == CellType.NUMERIC
                            || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
                        double v = cell.getNumericCellValue();
                        cells[c] = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
                    } else cells[c] = fmt.formatCellValue(cell).strip();
                }
                if (first) {
                    for (String h : cells) header.add(h);
                    first = false;
                } else if (!java.util.Arrays.stream(cells).allMatch(String::isEmpty)) {
                    rows.add(cells.length >= header.size() ? cells : java.util.Arrays.copyOf(fillEmpty(cells, header.size()), header.size()));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException de) throw de;
            throw new DataException(xlsx + ": not a readable .xlsx ratings file: " + e.getMessage(), e);
        }
        Csv t = new Csv(xlsx, header, rows);
        int id = t.require("Sound ID", "ID"), ar = t.require("AroMN"), va = t.require("ValMN");
        t.require("AroSD");
        t.require("ValSD");
        int cat = t.column("Category");
        if (dropMusic && cat < 0) throw new DataException(xlsx + ": no Category column, cannot drop Music");
        Map<String, Path> audio = audioIndex(dir);
        Builder b = new Builder(dropMusic ? "iads-nomusic" : "iads");
        LabelScale s = LabelScale.SAM_1_9;
        for (int r = 0; r < rows.size(); r++) {
            String sid = rows.get(r)[id];
            if (sid.isEmpty()) continue;
            if (dropMusic && rows.get(r)[cat].equalsIgnoreCase("music")) continue;
            Path f = audio.get(sid.toLowerCase(Locale.ROOT));
            if (f == null) f = audio.get(stripZeros(sid));
            b.add(sid, f, s.toUnit(t.number(r, ar)), s.toUnit(t.number(r, va)), null);
        }
        return b.build("iads", root, s, false);
    }

    private static String[] fillEmpty(String[] a, int n) {
        String[] out = java.util.Arrays.copyOf(a, n);
        for (int i = a.length; i < n; i++) out[i] = "";
        return out;
    }

    private static String stripZeros(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceFirst("^0+(?=.)", "");
        return t;
    }

    /** Audio files below a folder by lower-case stem (and by stem without leading zeros). */
    static Map<String, Path> audioIndex(Path dir) throws IOException {
        Map<String, Path> m = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(p -> {
                String n = p.getFileName().toString();
                String lower = n.toLowerCase(Locale.ROOT);
                if (!(lower.endsWith(".wav") || lower.endsWith(".mp3") || lower.endsWith(".ogg")
                        || lower.endsWith(".flac") || lower.endsWith(".oga"))) return;
                String stem = lower.substring(0, lower.lastIndexOf('.'));
                m.putIfAbsent(stem, p);
                m.putIfAbsent(stripZeros(stem), p);
            });
        }
        return m;
    }

    // ---- TAVA ----

    public static Dataset tava(Path root, String variant) throws IOException {
        requireDir(root, "TAVA");
        Csv t = Csv.read(requireFile(root.resolve("labels.csv")));
        int file = t.require("file"), sp = t.require("speaker"), ar = t.require("arousal_mean"),
                va = t.require("valence_mean"), vr = t.column("variant");
        Builder b = new Builder(variant == null ? "tava" : "tava-" + variant);
        for (int r = 0; r < t.rows().size(); r++) {
            String[] row = t.rows().get(r);
            if (variant != null && vr >= 0 && !row[vr].equalsIgnoreCase(variant)) continue;
            String speaker = row[sp].isEmpty() ? null : "speaker " + row[sp];
            b.add(row[file], root.resolve(row[file]), t.number(r, ar), t.number(r, va), speaker);
        }
        return b.build("tava", root, LabelScale.UNIT, false);
    }

    // ---- 4Q ----

    public static Dataset fourQ(Path root) throws IOException {
        requireDir(root, "4Q");
        Csv t = Csv.read(requireFile(root.resolve("annotations.csv")));
        int song = t.require("Song"), q = t.require("Quadrant"), artist = t.column("Artist");
        Builder b = new Builder("4q");
        for (int r = 0; r < t.rows().size(); r++) {
            String[] row = t.rows().get(r);
            if (row[song].isEmpty()) continue;
            double a, v;
            switch (row[q].toUpperCase(Locale.ROOT)) {
                case "Q1" -> { a = 1; v = 1; }
                case "Q2" -> { a = 1; v = -1; }
                case "Q3" -> { a = -1; v = -1; }
                case "Q4" -> { a = -1; v = 1; }
                default -> throw new DataException(t.file() + ": line " + (r + 2) + ": quadrant must be Q1-Q4, got '" + row[q] + "'");
            }
            String group = artist >= 0 && !row[artist].isEmpty() ? row[artist] : null;
            b.add(row[song], root.resolve("audio").resolve(row[song] + ".mp3"), a, v, group);
        }
        return b.build("4q", root, LabelScale.QUADRANT_SIGN, true);
    }

    // ---- emoMusic ----

    public static Dataset emoMusic(Path root) throws IOException {
        requireDir(root, "emoMusic");
        Csv t = Csv.read(requireFile(root.resolve("static_annotations.csv")));
        int id = t.require("song_id"), ar = t.require("mean_arousal"), va = t.require("mean_valence");
        Builder b = new Builder("emomusic");
        LabelScale s = LabelScale.SAM_1_9;
        for (int r = 0; r < t.rows().size(); r++) {
            String sid = t.rows().get(r)[id];
            if (sid.isEmpty()) continue;
            b.add(sid, root.resolve("audio").resolve(sid + ".mp3"), s.toUnit(t.number(r, ar)), s.toUnit(t.number(r, va)), null);
        }
        return b.build("emomusic", root, s, false);
    }

    // ---- manifest ----

    public static Dataset manifest(Path file, String scaleName) throws IOException {
        Csv t = Csv.read(requireFile(file));
        LabelScale s = switch (scaleName) {
            case "unit", "[-1,1]" -> LabelScale.UNIT;
            case "0-1" -> LabelScale.ZERO_ONE;
            case "1-9", "sam" -> LabelScale.SAM_1_9;
            default -> throw new IllegalArgumentException("unknown scale '" + scaleName + "' (unit, 0-1, 1-9)");
        };
        int p = t.require("path"), ar = t.require("arousal"), va = t.require("valence"),
                dom = t.column("domain"), gr = t.column("group");
        Path dir = file.toAbsolutePath().getParent();
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        List<Clip> clips = new ArrayList<>();
        int missing = 0;
        List<String> ex = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            String[] row = t.rows().get(r);
            if (row[p].isEmpty()) continue;
            Path audio = dir.resolve(row[p]);
            if (!Files.isRegularFile(audio)) {
                missing++;
                if (ex.size() < EXAMPLES) ex.add(audio.toString());
                continue;
            }
            String d = dom >= 0 && !row[dom].isEmpty() ? row[dom] : base;
            String g = gr >= 0 && !row[gr].isEmpty() ? row[gr] : null;
            clips.add(new Clip(row[p], audio, s.toUnit(t.number(r, ar)), s.toUnit(t.number(r, va)), d, g));
        }
        return new Dataset(base, "manifest", file, s, false, clips, missing, ex);
    }
}
