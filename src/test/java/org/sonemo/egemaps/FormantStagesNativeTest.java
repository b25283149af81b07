package org.sonemo.egemaps;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputScale;
import org.sonemo.features.Level;
import org.sonemo.opensmile.NativeExtractor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The formant chain stage by stage against openSMILE's intermediate levels, each stage fed the
 * previous stage's native output: spectral resampling (gemapsv01b_outpR), LPC (gemapsv01b_lpc),
 * root selection (gemapsv01b_formants). Synthetic signals and a few TAVA clips, at 48 and 16 kHz.
 */
class FormantStagesNativeTest {
    private static final ExtractorSpec SPEC = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS);

    /** Native levels of one signal (already scaled as openSMILE reads it). */
    record Levels(String name, float[] x, FeatureTable resampled, FeatureTable lpc, FeatureTable formants) {
    }

    static Map<String, float[]> signals(int rate) throws Exception {
        Map<String, float[]> out = new LinkedHashMap<>();
        int n = rate; // 1 s
        Random rnd = new Random(4);
        float[] noise = new float[n], tone = new float[n], vowel = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            noise[i] = (float) (0.1 * rnd.nextGaussian());
            tone[i] = (float) (0.1 * Math.sin(2 * Math.PI * 1000.0 * i / rate));
        }
        // a vowel: 120 Hz pulse train through resonators at 700, 1200, 2600 Hz
        double[][] res = {{700, 80}, {1200, 90}, {2600, 120}};
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            phase += 120.0 / rate;
            if (phase >= 1) {
                phase -= 1;
                y[i] = 1;
            }
        }
        for (double[] fb : res) {
            double rr = Math.exp(-Math.PI * fb[1] / rate), th = 2 * Math.PI * fb[0] / rate;
            double a1 = 2 * rr * Math.cos(th), a2 = -rr * rr, y1 = 0, y2 = 0;
            for (int i = 0; i < n; i++) {
                double v = y[i] + a1 * y1 + a2 * y2;
                y2 = y1;
                y1 = v;
                y[i] = v;
            }
        }
        double peak = Arrays.stream(y).map(Math::abs).max().orElse(1);
        for (int i = 0; i < n; i++) vowel[i] = (float) (0.3 * y[i] / peak);
        out.put("noise", noise);
        out.put("tone1k", tone);
        out.put("vowel", vowel);
        Path tava = Corpus.root().resolve("tava/audio");
        List<Path> files;
        try (Stream<Path> s = Files.walk(tava)) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        for (int i = 0; i < files.size(); i += 125) {
            int[] r = new int[1];
            float[] x = Corpus.readPcm16(files.get(i), r);
            if (r[0] != rate) {
                x = AudioFiles.resample(AudioBuffer.mono(x, r[0]), rate).samples();
                for (int j = 0; j < x.length; j++) x[j] = Math.max(-32768, Math.min(32767, Math.round(x[j] * 32768f))) / 32768f;
            }
            out.put(files.get(i).getFileName().toString(), x);
        }
        return out;
    }

    static List<Levels> levels(int rate) throws Exception {
        Assumptions.assumeTrue(NativeExtractor.isAvailable(),
                "native openSMILE not found (run third_party/fetch-opensmile.sh); skipping formant stages");
        List<Levels> out = new ArrayList<>();
        try (var r = NativeExtractor.openLevel(SPEC, "gemapsv01b_outpR");
             var l = NativeExtractor.openLevel(SPEC, "gemapsv01b_lpc");
             var f = NativeExtractor.openLevel(SPEC, "gemapsv01b_formants")) {
            for (var e : signals(rate).entrySet()) {
                float[] x = new float[e.getValue().length];
                InputScale.OPENSMILE_INT16.apply(e.getValue(), x, x.length);
                AudioBuffer a = AudioBuffer.mono(e.getValue(), rate);
                out.add(new Levels(e.getKey(), x, r.extract(a), l.extract(a), f.extract(a)));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(ints = {48000, 16000})
    void resampledSignalMatchesNative(int rate) throws Exception {
        double worst = 0;
        for (Levels lv : levels(rate)) {
            Formants fm = new Formants(rate);
            assertTrue(lv.resampled.columns() == Formants.RESAMPLED, "resampled length " + lv.resampled.columns());
            for (int t = 0; t < lv.resampled.rows(); t++) {
                fm.frame(lv.x, t);
                double peak = 1e-4, d = 0;
                for (int n = 0; n < Formants.RESAMPLED; n++) {
                    peak = Math.max(peak, Math.abs(lv.resampled.get(t, n)));
                    d = Math.max(d, Math.abs(fm.resampled[n] - lv.resampled.get(t, n)));
                }
                worst = Math.max(worst, d / peak);
            }
        }
        System.out.println("resampled, rate " + rate + ": max |diff| / frame peak " + worst);
        assertTrue(worst < 1e-5, "resampled signal off by " + worst + " of the frame peak");
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(ints = {48000, 16000})
    void predictorFromNativeResampledMatchesNative(int rate) throws Exception {
        // LPC of order 11 on this band-limited signal is ill-conditioned: float rounding inside
        // openSMILE moves coefficients by up to a few 1e-2 on a pure tone, so the frames are
        // judged by the formants their predictor gives (given openSMILE's formant stage)
        List<Double> coef = new ArrayList<>(), hz = new ArrayList<>();
        for (Levels lv : levels(rate)) {
            Formants fm = new Formants(rate);
            for (int t = 0; t < lv.lpc.rows(); t++) {
                for (int n = 0; n < Formants.RESAMPLED; n++) fm.resampled[n] = lv.resampled.get(t, n);
                if (!fm.predictor()) continue;
                double d = 0;
                for (int k = 1; k <= Formants.ORDER; k++) d = Math.max(d, Math.abs(fm.lpc[k] - lv.lpc.get(t, k - 1)));
                coef.add(d);
                fm.fromPredictor();
                for (int i = 0; i < 3; i++) hz.add(Math.abs(fm.freq[i] - lv.formants.get(t, i)));
            }
        }
        double[] c = quantiles(coef), f = quantiles(hz);
        System.out.println("lpc, rate " + rate + ": max |diff| of a frame's coefficients, median " + c[0] + ", p95 " + c[1]
                + "; F1-F3 |diff| Hz, median " + f[0] + ", p95 " + f[1]);
        assertTrue(c[0] < 2e-4 && f[0] < 0.01 && f[1] < 5, "coefficients median " + c[0] + "; F1-F3 Hz median " + f[0] + " p95 " + f[1]);
    }

    /** Median and 95th percentile. */
    static double[] quantiles(List<Double> v) {
        v.sort(null);
        return new double[]{v.get(v.size() / 2), v.get((int) (0.95 * (v.size() - 1)))};
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(ints = {48000, 16000})
    void formantsFromNativePredictorMatchNative(int rate) throws Exception {
        double worst = 0;
        int frames = 0;
        for (Levels lv : levels(rate)) {
            Formants fm = new Formants(rate);
            for (int t = 0; t < lv.formants.rows(); t++) {
                fm.lpc[0] = 1;
                for (int k = 1; k <= Formants.ORDER; k++) fm.lpc[k] = lv.lpc.get(t, k - 1);
                fm.fromPredictor();
                for (int i = 0; i < Formants.MAX_FORMANTS; i++) {
                    double nf = lv.formants.get(t, i), nb = lv.formants.get(t, Formants.MAX_FORMANTS + i);
                    worst = Math.max(worst, Math.abs(fm.freq[i] - nf) / Math.max(1, Math.abs(nf)));
                    worst = Math.max(worst, Math.abs(fm.bw[i] - nb) / Math.max(1, Math.abs(nb)));
                }
                frames++;
            }
        }
        System.out.println("formants from native lpc, rate " + rate + ": " + frames + " frames, max relative diff " + worst);
        assertTrue(worst < 1e-4, "formants off by " + worst + " (relative)");
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(ints = {48000, 16000})
    void formantAmplitudesFromNativeInputsMatchNative(int rate) throws Exception {
        Assumptions.assumeTrue(NativeExtractor.isAvailable(),
                "native openSMILE not found (run third_party/fetch-opensmile.sh); skipping formant stages");
        String[] outs = {"HarmonicDifferenceLogRelH1-A3", "FormantAmplitudeByMaxHarmonicLogRelF0[1]",
                "FormantAmplitudeByMaxHarmonicLogRelF0[2]", "FormantAmplitudeByMaxHarmonicLogRelF0[3]"};
        int[] exact = new int[outs.length];
        int voiced = 0;
        try (var pitch = NativeExtractor.openLevel(SPEC, "gemapsv01b_logPitch");
             var form = NativeExtractor.openLevel(SPEC, "gemapsv01b_formants");
             var spec = NativeExtractor.openLevel(SPEC, "gemapsv01b_fftmagG60");
             var harm = NativeExtractor.openLevel(SPEC, "gemapsv01b_harmonics")) {
            for (var e : signals(rate).entrySet()) {
                // a pure tone has no harmonics above the first: its "harmonic" peaks are window
                // leakage 80 dB down, where float rounding decides
                if (e.getKey().startsWith("tone")) continue;
                AudioBuffer a = AudioBuffer.mono(e.getValue(), rate);
                FeatureTable p = pitch.extract(a), f = form.extract(a), m = spec.extract(a), h = harm.extract(a);
                int fftSize = 2 * (m.columns() - 1);
                VoiceQuality vq = new VoiceQuality(rate, fftSize);
                double[] mag = new double[m.columns()];
                int[] cols = Arrays.stream(outs).mapToInt(h::column).toArray();
                for (int t = 0; t < h.rows(); t++) {
                    double f0 = p.get(t, p.column("F0final"));
                    if (f0 <= 0) continue;
                    voiced++;
                    for (int k = 0; k < mag.length; k++) mag[k] = m.get(t, k);
                    double h1 = vq.firstHarmonicBin(mag, f0), h2 = vq.harmonic(mag, f0, 2);
                    double[] ours = new double[4];
                    double a3 = vq.formantAmplitude(mag, f0, f.get(t, 2));
                    ours[0] = VoiceQuality.db(h2, a3);
                    for (int i = 0; i < 3; i++) ours[1 + i] = VoiceQuality.db(vq.formantAmplitude(mag, f0, f.get(t, i)), h1);
                    for (int j = 0; j < outs.length; j++) if (Math.abs(ours[j] - h.get(t, cols[j])) < 1e-3) exact[j]++;
                }
            }
        }
        StringBuilder sb = new StringBuilder("formant amplitudes given native F0, formants, spectrum, rate " + rate + ", "
                + voiced + " voiced frames; exact (1e-3 dB):");
        for (int j = 0; j < outs.length; j++) sb.append(' ').append(outs[j]).append(' ').append((double) exact[j] / voiced);
        System.out.println(sb);
        for (int j = 0; j < outs.length; j++) assertTrue(exact[j] >= 0.92 * voiced, sb.toString());
    }
}
