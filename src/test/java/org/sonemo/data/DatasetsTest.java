package org.sonemo.data;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DatasetsTest {
    @TempDir
    Path tmp;

    /** IADS-E layout: Sound Ratings.xlsx at the root, audio in a folder below, ids as numbers. */
    private Path iadsFixture(String idHeader) throws IOException {
        Path root = tmp.resolve("IADS-E");
        Files.createDirectories(root.resolve("Sounds"));
        Object[][] rows = {
                {idHeader, "Description", "Category", "AroMN", "AroSD", "ValMN", "ValSD"},
                {102, "Cat", "Animal", 5.5, 1.2, 4.0, 1.5},
                {110, "Baby", "Human", 9.0, 1.0, 1.0, 1.1},
                {210, "Piano", "Music", 3.0, 1.3, 7.0, 1.4},
                {999, "Gone", "Nature", 5.0, 1.0, 5.0, 1.0},
                {311, "Crowd", "Human", 1.0, null, 9.0, null},
        };
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(root.resolve("Sound Ratings.xlsx"))) {
            Sheet s = wb.createSheet("Ratings");
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else if (v != null) row.createCell(c).setCellValue((String) v);
                }
            }
            wb.write(out);
        }
        for (String f : new String[]{"0102.wav", "110.wav", "210.wav", "311.WAV"}) Files.write(root.resolve("Sounds").resolve(f), new byte[44]);
        return root;
    }

    @Test
    void iadsXlsxWithSoundIdAndMusicDropped() throws IOException {
        Path root = iadsFixture("Sound ID");
        Dataset all = Datasets.load("iads:" + root);
        assertEquals(4, all.size());
        assertEquals(1, all.missing(), "id 999 has no audio");
        assertTrue(all.missingExamples().getFirst().contains("999"));
        assertEquals(LabelScale.SAM_1_9, all.scale());
        Clip cat = all.clips().getFirst();
        assertEquals("102", cat.id());
        assertEquals((5.5 - 5) / 4, cat.arousal(), 1e-12);
        assertEquals(-0.25, cat.valence(), 1e-12);
        assertTrue(cat.audio().endsWith("0102.wav"), "leading zeros in file names match");
        assertEquals(1.0, all.clips().get(1).arousal(), 1e-12);

        Dataset noMusic = Datasets.load("iads-nomusic:" + root);
        assertEquals(3, noMusic.size());
        assertTrue(noMusic.clips().stream().noneMatch(c -> c.id().equals("210")));
        assertEquals(3, Datasets.load("iads,music=drop:" + root).size());
    }

    @Test
    void iadsAcceptsIdColumnAndRejectsBadFiles() throws IOException {
        Path root = iadsFixture("ID");
        assertEquals(4, Datasets.load("iads:" + root).size());
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("Sound Ratings.xlsx"), "this is not a spreadsheet");
        DataException e = assertThrows(DataException.class, () -> Datasets.load("iads:" + bad));
        assertTrue(e.getMessage().contains("xlsx"), e.getMessage());
        assertThrows(DataException.class, () -> Datasets.load("iads:" + tmp.resolve("nowhere")));
    }

    @Test
    void iadsWithoutRatingColumnIsRefused() throws IOException {
        Path root = tmp.resolve("iads2");
        Files.createDirectories(root);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(root.resolve("Sound Ratings.xlsx"))) {
            Row r = wb.createSheet().createRow(0);
            r.createCell(0).setCellValue("Sound ID");
            r.createCell(1).setCellValue("ValMN");
            wb.write(out);
        }
        DataException e = assertThrows(DataException.class, () -> Datasets.load("iads:" + root));
        assertTrue(e.getMessage().contains("AroMN"), e.getMessage());
    }

    /** The full PMEmo2019 layout, with the empty valence-std cells of the public copy. */
    @Test
    void pmemoFullLayout() throws IOException {
        Path root = tmp.resolve("PMEmo2019");
        Files.createDirectories(root.resolve("annotations"));
        Files.createDirectories(root.resolve("chorus"));
        Files.writeString(root.resolve("metadata.csv"), """
                musicId,fileName,title,artist,album,duration,chorus_start_time,chorus_end_time
                1,1.mp3,"Good Drank (Explicit)",2 Chainz+Gucci Mane+Quavo,,,02:35,03:05
                4,4.mp3,"Song, with comma",Someone,,,03:00,03:26
                7,7.mp3,Missing,Nobody,,,00:10,00:40
                """);
        Files.writeString(root.resolve("annotations/static_annotations.csv"), """
                musicId,Arousal(mean),Valence(mean)
                1,0.4,0.575
                4,0.2625,0.287
                7,0.5,0.5
                """);
        Files.writeString(root.resolve("annotations/static_annotations_std.csv"), "musicId,Arousal(std),Valence(std)\r\n1,0.156,\r\n4,0.152,\r\n7,,\r\n");
        Files.write(root.resolve("chorus/1.mp3"), new byte[10]);
        Files.write(root.resolve("chorus/4.mp3"), new byte[10]);
        Dataset d = Datasets.load("pmemo:" + root);
        assertEquals(2, d.size());
        assertEquals(1, d.missing());
        assertEquals(LabelScale.ZERO_ONE, d.scale());
        assertEquals(2 * 0.4 - 1, d.clips().get(0).arousal(), 1e-12);
        assertEquals(2 * 0.287 - 1, d.clips().get(1).valence(), 1e-12);
        assertTrue(d.summary().contains("1 annotated rows without audio"), d.summary());
    }

    @Test
    void pmemoWithNonNumericCellIsRefusedWithPlace() throws IOException {
        Path root = tmp.resolve("pm");
        Files.createDirectories(root.resolve("annotations"));
        Files.writeString(root.resolve("annotations/static_annotations.csv"), "musicId,Arousal(mean),Valence(mean)\n1,high,0.5\n");
        DataException e = assertThrows(DataException.class, () -> Datasets.load("pmemo:" + root));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("Arousal(mean)"), e.getMessage());
    }

    @Test
    void manifestWithDomainsGroupsAndScale() throws IOException {
        Files.write(tmp.resolve("a.wav"), new byte[4]);
        Files.write(tmp.resolve("b.wav"), new byte[4]);
        Files.writeString(tmp.resolve("m.csv"), "path,arousal,valence,domain,group\na.wav,9,1,music,x\nb.wav,5,,sounds,\nc.wav,1,1,music,y\n");
        Dataset d = Datasets.load("manifest,scale=1-9:" + tmp.resolve("m.csv"));
        assertEquals(2, d.size());
        assertEquals(1, d.missing());
        assertEquals(1.0, d.clips().get(0).arousal());
        assertEquals("x", d.clips().get(0).group());
        assertEquals("sounds", d.clips().get(1).domain());
        assertTrue(Double.isNaN(d.clips().get(1).valence()), "empty cell loads as NaN");
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("nosuchkind:" + tmp));
        assertThrows(IllegalArgumentException.class, () -> Datasets.load("no-colon"));
    }

    @Test
    void fourQRejectsUnknownQuadrant() throws IOException {
        Files.createDirectories(tmp.resolve("audio"));
        Files.writeString(tmp.resolve("annotations.csv"), "Song,Quadrant,Artist\nMT1,Q5,X\n");
        DataException e = assertThrows(DataException.class, () -> Datasets.load("4q:" + tmp));
        assertTrue(e.getMessage().contains("Q5"));
    }

    @Test
    void corpusTava() throws IOException {
        Path root = org.sonemo.testing.Corpus.require("tava");
        Dataset d = Datasets.load("tava:" + root);
        assertEquals(375, d.size());
        assertEquals(0, d.missing());
        assertEquals(18, d.clips().stream().map(Clip::group).distinct().count());
        assertEquals(288, Datasets.load("tava,variant=speech:" + root).size());
        assertEquals(87, Datasets.load("tava,variant=tegg:" + root).size());
        assertTrue(d.clips().stream().allMatch(c -> Math.abs(c.arousal()) <= 1 && Math.abs(c.valence()) <= 1));
        assertNull(Datasets.load("tava,groups=off:" + root).clips().getFirst().group());
    }

    @Test
    void corpusFourQIsSignOnlyWithArtists() throws IOException {
        Dataset d = Datasets.load("4q:" + org.sonemo.testing.Corpus.require("4q"));
        assertEquals(240, d.size());
        assertTrue(d.signOnly());
        assertTrue(d.clips().stream().allMatch(c -> Math.abs(c.arousal()) == 1 && Math.abs(c.valence()) == 1));
        for (int q = 0; q < 4; q++) {
            double a = q < 2 ? 1 : -1, v = q == 0 || q == 3 ? 1 : -1;
            assertEquals(60, d.clips().stream().filter(c -> c.arousal() == a && c.valence() == v).count());
        }
        assertTrue(d.hasGroups());
    }

    @Test
    void corpusEmoMusicAndPmemoReportMissingAudio() throws IOException {
        Dataset e = Datasets.load("emomusic:" + org.sonemo.testing.Corpus.require("emomusic"));
        assertEquals(10, e.size());
        assertEquals(734, e.missing());
        assertEquals(LabelScale.SAM_1_9, e.scale());
        assertEquals(5, e.missingExamples().size());
        Dataset p = Datasets.load("pmemo:" + org.sonemo.testing.Corpus.require("pmemo"));
        assertEquals(4, p.size());
        assertEquals(763, p.missing());
        assertEquals(List.of("108", "372", "634", "683"), p.clips().stream().map(Clip::id).sorted().toList());
    }

    @Test
    void csvQuotesAndTabs() {
        List<String[]> rows = Csv.parse("a,b\n\"x, y\",\"\tq\"\"r\t\"\r\n");
        assertEquals("x, y", rows.get(1)[0]);
        assertEquals("q\"r", rows.get(1)[1]);
    }
}
