package org.sonemo.egemaps;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;
import org.sonemo.dsp.Framing;
import org.sonemo.dsp.RealFft;
import org.sonemo.dsp.Windows;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputScale;
import org.sonemo.features.Level;
import org.sonemo.opensmile.NativeExtractor;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A diagnostic tool, not a check (its name keeps it out of the default test run; it skips unless asked):
 * one line per 60 ms frame of every TAVA clip (every {@code step}-th) with openSMILE's F0 after the
 * RMS gate ({@code gemapsv01b_logPitch}), ours, {@link PitchViterbi} on openSMILE's own candidates,
 * both RMS values, how the candidates compare ({@link #candCode}), both candidate lists and, where
 * they differ, every SHS peak of ours. How the F0 frames off were listed and sorted into classes:
 * <pre>
 * mvn -q test -Dtest=F0FrameDump -Dsonemo.f0dump=/tmp/f0.tsv [-Dsonemo.f0dump.rate=16000] [-Dsonemo.f0dump.step=3]
 * </pre>
 */
class F0FrameDump {
    @Test
    void dump() throws Exception {
        String out = System.getProperty("sonemo.f0dump");
        Assumptions.assumeTrue(out != null, "diagnostic only");
        int rate = Integer.getInteger("sonemo.f0dump.rate", 48000);
        int step = Integer.getInteger("sonemo.f0dump.step", 1);
        ExtractorSpec spec = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.LLD).withScale(InputScale.UNITY);
        List<Path> files;
        try (Stream<Path> s = Files.walk(Corpus.root().resolve("tava/audio"))) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        int len = (int) Math.round(0.060 * rate), hop = (int) Math.round(0.010 * rate), nfft = Framing.nextPowerOfTwo(len);
        double[] w = Windows.gaussian(len, 0.4), frame = new double[len], mag = new double[nfft / 2 + 1];
        RealFft fft = new RealFft(nfft);
        PitchShs shs = new PitchShs(nfft, rate);
        int K = PitchShs.MAX_CANDIDATES;
        try (NativeExtractor ec = NativeExtractor.openLevel(spec, "gemapsv01b_pitchShsG60");
             NativeExtractor ef = NativeExtractor.openLevel(spec, "gemapsv01b_logPitch");
             NativeExtractor ee = NativeExtractor.openLevel(spec, "gemapsv01b_e60");
             PrintWriter pw = new PrintWriter(Files.newBufferedWriter(Path.of(out)))) {
            pw.println("file\tt\tn\tnat\tours\tvitNat\tnatRms\tourRms\tcand\tnatC\tourC");
            for (int fi = 0; fi < files.size(); fi += step) {
                Path f = files.get(fi);
                int[] r = new int[1];
                float[] x = Corpus.readPcm16(f, r);
                if (r[0] != rate) x = AudioFiles.resample(AudioBuffer.mono(x, r[0]), rate).samples();
                float[] y = new float[x.length];
                InputScale.OPENSMILE_INT16.apply(x, y, x.length);
                AudioBuffer a = AudioBuffer.mono(y, rate);
                FeatureTable c = ec.extract(a), fl = ef.extract(a), en = ee.extract(a);
                int n = Framing.count(y.length, len, hop);
                int fcol = fl.column("F0final");
                double[][] nf = new double[n][K], nv = new double[n][K], of = new double[n][K], ov = new double[n][K];
                int[] nc = new int[n], oc = new int[n];
                double[][] shsOf = new double[n][];
                double[] orms = new double[n];
                for (int t = 0; t < n; t++) {
                    nc[t] = (int) c.get(t, 0);
                    for (int i = 0; i < K; i++) {
                        nf[t][i] = c.get(t, 1 + i);
                        nv[t][i] = c.get(t, 7 + i);
                    }
                    Framing.frame(y, t, hop, w, frame);
                    double e = 0;
                    for (int i = 0; i < len; i++) e += frame[i] * frame[i];
                    orms[t] = Math.sqrt(e / len);
                    RealFft.magnitude(fft.forward(frame, len), nfft, mag);
                    shs.analyze(mag);
                    oc[t] = shs.candidates;
                    shsOf[t] = shs.shs.clone();
                    System.arraycopy(shs.candF0, 0, of[t], 0, K);
                    System.arraycopy(shs.candVoicing, 0, ov[t], 0, K);
                }
                double[] ours = new double[n], vn = new double[n];
                PitchViterbi.smooth(of, ov, oc, n, ours);
                PitchViterbi.smooth(nf, nv, nc, n, vn);
                String rel = Corpus.root().resolve("tava/audio").relativize(f).toString();
                for (int t = 0; t < n; t++) {
                    if (orms[t] < VoiceLlds.RMS_GATE) ours[t] = 0;
                    int code = candCode(nf[t], nv[t], nc[t], of[t], ov[t], oc[t]);
                    StringBuilder sb = new StringBuilder();
                    sb.append(rel).append('\t').append(t).append('\t').append(n).append('\t')
                            .append(t < fl.rows() ? fl.get(t, fcol) : -1).append('\t').append((float) ours[t]).append('\t')
                            .append((float) vn[t]).append('\t').append(t < en.rows() ? en.get(t, 0) : -1).append('\t')
                            .append((float) orms[t]).append('\t').append(code)
                            .append('\t').append(cands(nf[t], nv[t], nc[t])).append('\t').append(cands(of[t], ov[t], oc[t]))
                            .append('\t').append(code == 0 ? "" : peakList(shsOf[t], rate));
                    pw.println(sb);
                }
            }
        }
    }

    /** 0 same, 1 same set other order, 2 other count, 3 other values. */
    static int candCode(double[] af, double[] av, int an, double[] bf, double[] bv, int bn) {
        if (an != bn) return 2;
        boolean same = true;
        for (int i = 0; i < an; i++) same &= close(af[i], av[i], bf[i], bv[i]);
        if (same) return 0;
        for (int i = 0; i < an; i++) {
            boolean found = false;
            for (int j = 0; j < bn; j++) found |= close(af[i], av[i], bf[j], bv[j]);
            if (!found) return 3;
        }
        return 1;
    }

    static boolean close(double f1, double v1, double f2, double v2) {
        return Math.abs(f1 - f2) <= 1e-4 * f1 + 1e-3 && Math.abs(v1 - v2) <= 1e-3;
    }

    /** Every strict local maximum of the SHS in frequency order: index/grid value/refined score/frequency. */
    static String peakList(double[] h, int rate) {
        int points = h.length;
        double logMin = PitchShs.log2(PitchShs.MIN_F), step = (PitchShs.log2(rate / 2.0) - logMin) / (points - 1);
        double sum = 0;
        for (double v : h) sum += v;
        StringBuilder sb = new StringBuilder().append(String.format("%.9g", sum / points));
        for (int s = 1; s < points - 1; s++) {
            if (!(h[s] > h[s - 1] && h[s] > h[s + 1])) continue;
            double a = h[s - 1], b = h[s], c = h[s + 1], den = a - 2 * b + c, off = den != 0 ? 0.5 * (a - c) / den : 0;
            sb.append(String.format(" %d/%.9g/%.9g/%.4f", s, b, b - 0.25 * (a - c) * off, Math.pow(2, logMin + (s + off) * step)));
        }
        return sb.toString();
    }

    static String cands(double[] f, double[] v, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i > 0 ? " " : "").append(String.format("%.4f/%.7f", f[i], v[i]));
        return sb.toString();
    }
}
