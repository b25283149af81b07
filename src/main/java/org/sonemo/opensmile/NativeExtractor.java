package org.sonemo.opensmile;

import org.sonemo.audio.AudioBuffer;
import org.sonemo.features.ExtractionException;
import org.sonemo.features.Extractor;
import org.sonemo.features.ExtractorSpec;
import org.sonemo.features.FeatureTable;
import org.sonemo.features.InputChecks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * openSMILE in-process. Keeps one native instance and reuses it across inputs with
 * {@code smile_reset} (cheaper than a fresh one); the sample rate is part of openSMILE's
 * configuration, so a new rate, or a failed run, builds a new instance. Samples go in as 32-bit
 * float (nBits 33) straight from the Java array: no int16 quantisation, no copy to native memory.
 */
public final class NativeExtractor implements Extractor {
    private final ExtractorSpec spec;
    private final Path configRoot;
    private final Path configFile;
    private final boolean reuse;
    private final String sinkLevel;
    private final java.util.Set<String> optionsRead;
    private final Rows rows = new Rows();
    private List<String> names;
    private SmileInstance instance;
    private int instanceRate;
    private float[] scratch = new float[0];

    private NativeExtractor(ExtractorSpec spec, boolean reuse, String sinkLevel) {
        this.spec = spec;
        this.reuse = reuse;
        this.sinkLevel = sinkLevel;
        this.configRoot = SmileLocation.configRoot();
        this.configFile = configRoot.resolve(spec.set().configPath());
        if (!Files.isRegularFile(configFile)) {
            throw new SmileLibraryException("openSMILE configuration " + configFile + " not found" + SmileLocation.HOW_TO_SUPPLY);
        }
        this.optionsRead = ConfigOptions.read(configFile);
        SmileApi.requireLibrary(); // fail here, with the lookup's message, not in a handle's initialiser
    }

    /** An extractor that reuses its native instance across inputs. */
    public static NativeExtractor open(ExtractorSpec spec) {
        return new NativeExtractor(spec, true, spec.level().smileLevel());
    }

    /**
     * An extractor that reads one intermediate data-memory level of the set's configuration
     * (for example {@code gemapsv01b_pitchShsG60}, the pitch candidates before Viterbi smoothing)
     * instead of its output level: openSMILE examined stage by stage, the way the pure-Java
     * engine is checked against it. Rows are frames; names are the level's element names.
     */
    public static NativeExtractor openLevel(ExtractorSpec spec, String dataMemoryLevel) {
        NativeExtractor e = new NativeExtractor(spec.withLevel(org.sonemo.features.Level.LLD), true, dataMemoryLevel);
        // Checked here because openSMILE itself aborts the process ("double free or corruption")
        // when a sink reads a level nothing writes: the error must never reach smile_initialize.
        var levels = ConfigOptions.levelsWritten(e.configFile);
        if (!dataMemoryLevel.equals(INPUT_LEVEL) && !levels.contains(dataMemoryLevel)) {
            throw new IllegalArgumentException("no data-memory level '" + dataMemoryLevel + "' in " + e.configFile
                    + "; its components write: " + String.join(", ", levels));
        }
        return e;
    }

    /** The level the external audio source include writes. */
    private static final String INPUT_LEVEL = "wave";

    /** An extractor that builds a fresh native instance for every input (for comparison and benchmarks). */
    public static NativeExtractor openFreshPerInput(ExtractorSpec spec) {
        return new NativeExtractor(spec, false, spec.level().smileLevel());
    }

    /** Whether openSMILE's library and configuration files are where sonemo looks for them. */
    public static boolean isAvailable() {
        return Files.isDirectory(SmileLocation.configRoot()) && SmileApi.isAvailable();
    }

    @Override
    public ExtractorSpec spec() {
        return spec;
    }

    @Override
    public List<String> featureNames() {
        if (names == null) {
            // Names depend on the configuration only, not on the rate.
            SmileInstance s = instance != null ? instance : newInstance(16_000);
            try {
                names = List.copyOf(s.elementNames());
            } finally {
                if (s != instance) s.close();
            }
        }
        return names;
    }

    @Override
    public FeatureTable extract(AudioBuffer audio) {
        InputChecks.requireUsable(audio);
        AudioBuffer mono = audio.mixDown();
        int n = mono.frames();
        // Scale into a reused buffer: the caller's array is never modified.
        if (scratch.length < n) scratch = new float[Math.max(n, scratch.length + scratch.length / 2)];
        spec.scale().apply(mono.samples(), scratch, n);

        SmileInstance s = instanceFor(mono.sampleRate());
        rows.clear(names.size());
        s.setFrameSink(rows);
        try {
            s.writeAudio(scratch, 0, n);
            s.endOfInput();
            s.run();
        } catch (RuntimeException e) {
            discardInstance(); // a failed run leaves the object RUNNING: reset would refuse it
            throw e;
        }
        if (!reuse) discardInstance();
        if (rows.count == 0) {
            // openSMILE emits nothing when the input is shorter than the set's longest analysis frame.
            throw new ExtractionException(String.format("audio too short: %.3f s gives no complete analysis frame for %s",
                    mono.durationSeconds(), spec.set().cliName()));
        }
        return rows.toTable(names, spec.level() == org.sonemo.features.Level.FUNCTIONALS, mono.durationSeconds());
    }

    private SmileInstance instanceFor(int rate) {
        if (instance != null && instanceRate == rate && instance.state() == SmileApi.SMILE_ENDED) {
            try {
                instance.reset();
            } catch (SmileException e) {
                discardInstance();
            }
        } else if (instance != null && (instanceRate != rate || instance.state() != SmileApi.SMILE_INITIALIZED)) {
            discardInstance();
        }
        if (instance == null) {
            instance = newInstance(rate);
            instanceRate = rate;
            if (names == null) names = List.copyOf(instance.elementNames());
        }
        return instance;
    }

    private SmileInstance newInstance(int rate) {
        Map<String, String> o = new LinkedHashMap<>();
        Path shared = configRoot.resolve("shared");
        o.put("source", shared.resolve("standard_external_wave_input.conf.inc").toString());
        o.put("sink", shared.resolve("standard_external_data_output_single.conf.inc").toString());
        o.put("sinkLevel", sinkLevel);
        o.put("blockSize", "1"); // larger sink blocks were seen to lose the last frame-level rows
        // Only options the set reads: openSMILE logs an error for every unknown option.
        if (optionsRead.contains("bufferModeRbConf")) {
            o.put("bufferModeRbConf", shared.resolve("BufferModeRb.conf.inc").toString());
        }
        if (optionsRead.contains("frameModeFunctionalsConf")) {
            o.put("frameModeFunctionalsConf", shared.resolve("FrameModeFunctionals.conf.inc").toString());
        }
        o.put("sampleRate", Integer.toString(rate));
        o.put("channels", "1");
        o.put("nBits", "33"); // 32-bit float
        return SmileInstance.create(configFile, o);
    }

    private void discardInstance() {
        if (instance != null) instance.close();
        instance = null;
    }

    @Override
    public void close() {
        discardInstance();
    }

    /** Collects sink rows into growable arrays; reused across inputs. */
    private static final class Rows implements SmileInstance.FrameSink {
        private int width;
        private int count;
        private float[] values = new float[0];
        private double[] starts = new double[16];
        private double[] ends = new double[16];

        void clear(int width) {
            this.width = width;
            this.count = 0;
        }

        @Override
        public void frames(MemorySegment data, int nT, int n, double time, double period, double lengthSec) {
            if (n != width) throw new ExtractionException("openSMILE emitted " + n + " values per row, expected " + width);
            int need = (count + nT) * width;
            if (values.length < need) values = Arrays.copyOf(values, Math.max(need, values.length * 2));
            if (starts.length < count + nT) {
                starts = Arrays.copyOf(starts, Math.max(count + nT, starts.length * 2));
                ends = Arrays.copyOf(ends, starts.length);
            }
            MemorySegment.copy(data, ValueLayout.JAVA_FLOAT, 0, values, count * width, nT * width);
            // meta describes the first frame of the block; later frames follow one period apart
            for (int t = 0; t < nT; t++) {
                starts[count + t] = time + t * period;
                ends[count + t] = starts[count + t] + lengthSec;
            }
            count += nT;
        }

        FeatureTable toTable(List<String> names, boolean functionals, double duration) {
            if (functionals && count == 1) {
                return new FeatureTable(names, new double[]{0}, new double[]{duration}, Arrays.copyOf(values, width));
            }
            return new FeatureTable(names, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count),
                    Arrays.copyOf(values, count * width));
        }
    }
}
