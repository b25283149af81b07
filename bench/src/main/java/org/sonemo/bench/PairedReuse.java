package org.sonemo.bench;

import org.sonemo.audio.AudioBuffer;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureSet;
import org.sonemo.features.Level;
import org.sonemo.opensmile.NativeExtractor;

import java.util.Arrays;

/**
 * Reused against fresh native instances, measured as pairs: each round extracts the same 6 s
 * clip once fresh and once reused, back to back, so both see the same machine state. A
 * difference of 3 ms in 90 ms drowns in the noise between separate JMH forks on a shared
 * machine; the median of paired differences does not. Run by {@code bench/run-native.sh}:
 * {@code java -cp target/benchmarks.jar org.sonemo.bench.PairedReuse [rounds]}.
 */
public final class PairedReuse {
    private PairedReuse() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ExtractorSpec spec = ExtractorSpec.of(FeatureSet.EGEMAPS_V02, Level.FUNCTIONALS);
        System.out.println("| clip | rounds | fresh median | reused median | median of (fresh - reused) | reused faster in |");
        System.out.println("|---|---|---|---|---|---|");
        for (int rate : new int[]{16_000, 44_100}) {
            AudioBuffer clip = BenchClips.music6s(rate);
            try (Extractor fresh = NativeExtractor.openFreshPerInput(spec); Extractor reused = NativeExtractor.open(spec)) {
                for (int i = 0; i < 30; i++) { // warm-up
                    fresh.extract(clip);
                    reused.extract(clip);
                }
                double[] f = new double[rounds], r = new double[rounds], d = new double[rounds];
                int reusedWins = 0;
                for (int i = 0; i < rounds; i++) {
                    // alternate the order so neither always runs second
                    boolean freshFirst = i % 2 == 0;
                    long t0 = System.nanoTime();
                    (freshFirst ? fresh : reused).extract(clip);
                    long t1 = System.nanoTime();
                    (freshFirst ? reused : fresh).extract(clip);
                    long t2 = System.nanoTime();
                    f[i] = (freshFirst ? t1 - t0 : t2 - t1) / 1e6;
                    r[i] = (freshFirst ? t2 - t1 : t1 - t0) / 1e6;
                    d[i] = f[i] - r[i];
                    if (d[i] > 0) reusedWins++;
                }
                System.out.printf("| %.1f kHz | %d | %.2f ms | %.2f ms | %.2f ms | %d%% of rounds |%n", rate / 1000.0, rounds,
                        median(f), median(r), median(d), 100 * reusedWins / rounds);
            }
        }
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
