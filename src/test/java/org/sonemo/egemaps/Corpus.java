package org.sonemo.egemaps;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test access to the shared corpus (system property sonemo.corpus, else ../shared/corpus). */
final class Corpus {
    private Corpus() {
    }

    static Path root() {
        return org.sonemo.testing.Corpus.require("tava").getParent();
    }

    /** The TAVA reference functionals: file (relative to tava/) -> 88 values; header in names. */
    static Map<String, double[]> tavaReference(List<String> names) throws IOException {
        Path csv = root().resolve("tava/reference/egemapsv02_functionals.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "no " + csv);
        List<String> lines = Files.readAllLines(csv);
        String[] head = lines.get(0).split(",");
        for (int i = 1; i < head.length; i++) names.add(head[i]);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(",");
            double[] v = new double[p.length - 1];
            for (int i = 1; i < p.length; i++) v[i - 1] = Double.parseDouble(p[i]);
            out.put(p[0], v);
        }
        return out;
    }

    /** A PCM16 WAV file as float samples (int16 / 32768), mixed to mono; rate in rate[0]. */
    static float[] readPcm16(Path path, int[] rate) throws IOException {
        byte[] b = Files.readAllBytes(path);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12, ch = 1, bits = 16;
        while (pos + 8 <= b.length) {
            String id = new String(b, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int len = bb.getInt(pos + 4);
            if (id.equals("fmt ")) {
                ch = bb.getShort(pos + 10);
                rate[0] = bb.getInt(pos + 12);
                bits = bb.getShort(pos + 22);
            } else if (id.equals("data")) {
                if (bits != 16) throw new IOException(path + ": not 16-bit PCM");
                int n = Math.min(len, b.length - pos - 8) / 2 / ch;
                float[] x = new float[n];
                for (int i = 0; i < n; i++) {
                    float s = 0;
                    for (int c = 0; c < ch; c++) s += bb.getShort(pos + 8 + 2 * (i * ch + c));
                    x[i] = s / ch / 32768f;
                }
                return x;
            }
            pos += 8 + len + (len & 1);
        }
        throw new IOException(path + ": no data chunk");
    }

    /** The TAVA clips (tava/audio, every .wav, sorted). */
    static List<Path> tavaClips() throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(root().resolve("tava/audio"))) {
            return s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
    }

    /**
     * A clip as float samples (int16 / 32768) at the given rate: resampled when the file's rate
     * differs, and then rounded to 16 bits as a file at that rate would be.
     */
    static float[] clipAt(Path path, int rate) throws IOException {
        int[] r = new int[1];
        float[] x = readPcm16(path, r);
        if (r[0] == rate) return x;
        x = org.sonemo.audio.AudioFiles.resample(org.sonemo.audio.AudioBuffer.mono(x, r[0]), rate).samples();
        for (int j = 0; j < x.length; j++) x[j] = Math.max(-32768, Math.min(32767, Math.round(x[j] * 32768f))) / 32768f;
        return x;
    }

    static List<String> every(List<String> all, int step) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += step) out.add(all.get(i));
        return out;
    }
}
