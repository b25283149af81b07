package org.sonemo.egemaps;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;
import org.sonemo.features.Engine;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputScale;
import org.sonemo.features.Level;
import org.sonemo.opensmile.NativeExtractor;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A diagnostic tool, not a check (skips unless asked): per TAVA clip, the number of pitch frames d
 * that openSMILE's temporal (segment) functionals leave out beyond n60 - 1 (from its
 * VoicedSegmentsPerSec and our segment count; exactAtD: all five segment values equal ours over
 * n60 - 1 - d frames), next to the frames {@link PitchViterbi#smooth} leaves undecided at end of
 * input on openSMILE's own candidates (d = undecided - 1 on all 375 clips at 48 and 16 kHz), the
 * pitchFrames of our own analysis, and the trailing unvoiced run (which does not determine d).
 * <pre>
 * mvn -q test -Dtest=TrimProbe -Dsonemo.trim=/tmp/trim.tsv [-Dsonemo.trim.rate=16000] [-Dsonemo.trim.step=1] [-Dsonemo.trim.only=REGEX]
 * </pre>
 */
class TrimProbe {
    @Test
    void dump() throws Exception {
        String out = System.getProperty("sonemo.trim");
        Assumptions.assumeTrue(out != null, "diagnostic only");
        Assumptions.assumeTrue(NativeExtractor.isAvailable(), "native openSMILE not found; skipping");
        int rate = Integer.getInteger("sonemo.trim.rate", 48000);
        int step = Integer.getInteger("sonemo.trim.step", 1);
        List<Path> files;
        try (Stream<Path> s = Files.walk(Corpus.root().resolve("tava/audio"))) {
            String only = System.getProperty("sonemo.trim.only", "");
            files = s.filter(p -> p.toString().endsWith(".wav") && p.toString().matches(".*(" + only + ").*")).sorted().toList();
        }
        ExtractorSpec unity = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.LLD).withScale(InputScale.UNITY);
        int K = PitchShs.MAX_CANDIDATES;
        EgemapsAnalyzer an = new EgemapsAnalyzer(rate);
        try (NativeExtractor ec = NativeExtractor.openLevel(unity, "gemapsv01b_pitchShsG60");
             Extractor nf = Extractor.open(new ExtractorSpec(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS, Engine.NATIVE, InputScale.UNITY));
             PrintWriter pw = new PrintWriter(Files.newBufferedWriter(Path.of(out)))) {
            pw.println("file\tsamples\tn60\tpitchFrames\tcount\tvspsN\td\texactAtD\tundecided\ttrailUv\tlastVoiced\tmeanUvN\tmeanUvJ");
            for (int fi = 0; fi < files.size(); fi += step) {
                Path f = files.get(fi);
                int[] r = new int[1];
                float[] x = Corpus.readPcm16(f, r);
                if (r[0] != rate) {
                    x = AudioFiles.resample(AudioBuffer.mono(x, r[0]), rate).samples();
                    for (int i = 0; i < x.length; i++) x[i] = Math.max(-32768, Math.min(32767, Math.round(x[i] * 32768f))) / 32768f;
                }
                float[] y = new float[x.length];
                InputScale.OPENSMILE_INT16.apply(x, y, x.length);
                AudioBuffer a = AudioBuffer.mono(y, rate);
                FeatureTable c = ec.extract(a), fun = nf.extract(a);
                EgemapsAnalyzer.Raw raw = an.analyze(y);
                int n = raw.n60, nv = n - 1;
                double[] f0s = Arrays.copyOf(Smoothing.plain(raw.voice[EgemapsAnalyzer.F0], n, true), nv);
                int count = (int) Functionals.segments(f0s, true)[0];
                double vsps = fun.get(0, fun.column("VoicedSegmentsPerSec"));
                double muN = fun.get(0, fun.column("MeanUnvoicedSegmentLength"));
                int d = count > 0 && vsps > 0 ? nv - (int) Math.round(count / vsps / 0.01) : -99;
                // the five temporal values with the contour cut d frames earlier
                String[] names = {"VoicedSegmentsPerSec", "MeanVoicedSegmentLengthSec", "StddevVoicedSegmentLengthSec",
                        "MeanUnvoicedSegmentLength", "StddevUnvoicedSegmentLength"};
                int dd = Math.max(0, d);
                double[] cut = Arrays.copyOf(f0s, nv - dd);
                double[] vs = Functionals.segments(cut, true), us = Functionals.segments(cut, false);
                double[] jv = {vs[0] / (cut.length * 0.01), vs[1] * 0.01, vs[2] * 0.01, us[1] * 0.01, us[2] * 0.01};
                boolean exact = true;
                for (int i = 0; i < 5; i++) exact &= Math.abs(jv[i] - fun.get(0, fun.column(names[i]))) <= 1e-5 * Math.max(1, Math.abs(jv[i]));
                double muJ = Functionals.segments(f0s, false)[1] * 0.01;
                // the Viterbi decoder on openSMILE's candidates: frames undecided at end of input
                double[][] cf = new double[n][K], cv = new double[n][K];
                int[] cn = new int[n];
                for (int t = 0; t < n && t < c.rows(); t++) {
                    cn[t] = (int) c.get(t, 0);
                    for (int i = 0; i < K; i++) {
                        cf[t][i] = c.get(t, 1 + i);
                        cv[t][i] = c.get(t, 7 + i);
                    }
                }
                double[] path = new double[n];
                int undecided = PitchViterbi.smooth(cf, cv, cn, n, path);
                double[] g = raw.voice[EgemapsAnalyzer.F0];
                int lastV = -1;
                for (int t = 0; t < n; t++) if (g[t] != 0) lastV = t;
                String rel = Corpus.root().resolve("tava/audio").relativize(f).toString();
                pw.println(rel + "\t" + x.length + "\t" + n + "\t" + raw.pitchFrames + "\t" + count + "\t" + vsps + "\t" + d + "\t" + exact
                        + "\t" + undecided + "\t" + (n - 1 - lastV) + "\t" + lastV + "\t" + muN + "\t" + muJ);
                pw.flush();
            }
        }
    }
}
