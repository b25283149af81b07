package org.sonemo.opensmile;

import java.lang.System.Logger;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.sonemo.opensmile.SmileApi.SMILE_SUCCESS;

/**
 * One openSMILE object with a configuration loaded, external audio in ({@code extsource}) and
 * external data out ({@code extsink}). Owns its native memory in one shared arena (option
 * strings, component names, upcall stubs) that lives until {@link #close()}. Every non-SUCCESS
 * result becomes a {@link SmileException}. Use from one thread at a time.
 */
public final class SmileInstance implements AutoCloseable {
    private static final Logger LOG = System.getLogger("org.sonemo.opensmile");
    /** Component names set by openSMILE's shared external input/output includes. */
    public static final String SOURCE = "extsource";
    public static final String SINK = "extsink";
    /** Bytes per write call: keeps the int {@code length} argument far from overflow. */
    private static final int MAX_WRITE_FLOATS = 1 << 24;

    private static final MethodHandle ON_FRAMES;
    private static final MethodHandle ON_LOG;

    static {
        try {
            var lookup = MethodHandles.lookup();
            ON_FRAMES = lookup.findVirtual(SmileInstance.class, "onFrames", MethodType.methodType(boolean.class,
                    MemorySegment.class, long.class, long.class, MemorySegment.class, MemorySegment.class));
            ON_LOG = lookup.findVirtual(SmileInstance.class, "onLog", MethodType.methodType(void.class,
                    MemorySegment.class, MemorySegment.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Receives the rows the sink emits: {@code nT} frames of {@code n} values, frame-major. */
    public interface FrameSink {
        void frames(MemorySegment data, int nT, int n, double time, double period, double lengthSec);
    }

    private final Arena arena = Arena.ofShared();
    private final MemorySegment sourceName;
    private final MemorySegment sinkName;
    private final MemorySegment sinkStub;
    private final String description;
    private MemorySegment obj;
    private FrameSink sink;
    private Throwable callbackFailure;
    private String lastLoggedError;

    private SmileInstance(String description) {
        this.description = description;
        this.sourceName = arena.allocateFrom(SOURCE);
        this.sinkName = arena.allocateFrom(SINK);
        this.sinkStub = SmileApi.upcall(ON_FRAMES.bindTo(this), SmileApi.SINK_EX_CALLBACK, arena);
    }

    /**
     * Creates an object, routes its log to {@link System.Logger}, and initialises it with a
     * configuration file and {@code -name value} options.
     */
    public static SmileInstance create(Path configFile, Map<String, String> options) {
        SmileInstance s = new SmileInstance(configFile.getFileName().toString());
        try {
            s.init(configFile, options);
            return s;
        } catch (RuntimeException | Error e) {
            s.close();
            throw e;
        }
    }

    private void init(Path configFile, Map<String, String> options) {
        obj = SmileApi.smile_new();
        if (obj.address() == 0) throw new SmileException("smile_new", SmileApi.SMILE_FAIL, "returned NULL");
        MemorySegment logStub = SmileApi.upcall(ON_LOG.bindTo(this), SmileApi.LOG_CALLBACK, arena);
        check("smile_set_log_callback", SmileApi.smile_set_log_callback(obj, logStub, MemorySegment.NULL));

        Map<String, String> opts = new LinkedHashMap<>(options);
        MemorySegment array = arena.allocate(SmileApi.OPTION, Math.max(1, opts.size()));
        int i = 0;
        for (var e : opts.entrySet()) {
            MemorySegment o = array.asSlice(i++ * SmileApi.OPTION.byteSize(), SmileApi.OPTION);
            o.set(ValueLayout.ADDRESS, 0, arena.allocateFrom(e.getKey()));
            o.set(ValueLayout.ADDRESS, ValueLayout.ADDRESS.byteSize(), arena.allocateFrom(e.getValue()));
        }
        MemorySegment config = arena.allocateFrom(configFile.toString());
        // loglevel 1: errors and level-1 warnings reach the log callback. Level 2 adds a warning on
        // every run with the shipped configs ("could not perform any work ... possibly incomplete",
        // harmless: the parity tests pass) that would flood the log. No console output, no log file.
        check("smile_initialize", SmileApi.smile_initialize(obj, config, opts.size(), array, 1, 0, 0, MemorySegment.NULL));
        setSinkCallback();
    }

    private void setSinkCallback() {
        check("smile_extsink_set_data_callback_ex",
                SmileApi.smile_extsink_set_data_callback_ex(obj, sinkName, sinkStub, MemorySegment.NULL));
    }

    /** Names of the sink's values, in order; available right after initialisation. */
    public List<String> elementNames() {
        try (Arena local = Arena.ofConfined()) {
            MemorySegment n = local.allocate(SmileApi.C_LONG);
            check("smile_extsink_get_num_elements", SmileApi.smile_extsink_get_num_elements(obj, sinkName, n));
            long count = SmileApi.readCLong(n);
            List<String> names = new ArrayList<>((int) count);
            MemorySegment name = local.allocate(ValueLayout.ADDRESS);
            for (long i = 0; i < count; i++) {
                check("smile_extsink_get_element_name", SmileApi.smile_extsink_get_element_name(obj, sinkName, i, name));
                names.add(name.get(SmileApi.C_STRING, 0).getString(0));
            }
            return names;
        }
    }

    /** Where the next run's output rows go. */
    public void setFrameSink(FrameSink sink) {
        this.sink = sink;
    }

    /** Writes {@code count} float samples (the source must be configured with nBits 33). */
    public void writeAudio(float[] samples, int offset, int count) {
        MemorySegment heap = MemorySegment.ofArray(samples);
        while (count > 0) {
            int n = Math.min(count, MAX_WRITE_FLOATS);
            MemorySegment chunk = heap.asSlice((long) offset * Float.BYTES, (long) n * Float.BYTES);
            check("smile_extaudiosource_write_data",
                    SmileApi.smile_extaudiosource_write_data(obj, sourceName, chunk, n * Float.BYTES));
            offset += n;
            count -= n;
        }
    }

    /**
     * Writes {@code nFrames} frames of {@code frameSize} values (frame-major) to a generic external
     * data source ({@code cExternalSource} named {@code extsource}) instead of audio: lets a small
     * configuration of one's own run an openSMILE component on crafted contours.
     */
    public void writeFrames(float[] frames, int nFrames, int frameSize) {
        MemorySegment data = arena.allocate((long) nFrames * frameSize * Float.BYTES, Float.BYTES);
        MemorySegment.copy(frames, 0, data, ValueLayout.JAVA_FLOAT, 0, nFrames * frameSize);
        check("smile_extsource_write_data", SmileApi.smile_extsource_write_data(obj, sourceName, data, nFrames));
    }

    /** End of input for a generic external data source (see {@link #writeFrames}). */
    public void endOfFrames() {
        check("smile_extsource_set_external_eoi", SmileApi.smile_extsource_set_external_eoi(obj, sourceName));
    }

    public void endOfInput() {
        check("smile_extaudiosource_set_external_eoi", SmileApi.smile_extaudiosource_set_external_eoi(obj, sourceName));
    }

    /** Processes all written input; blocks until it ends. Sink callbacks run on this thread. */
    public void run() {
        callbackFailure = null;
        int res = SmileApi.smile_run(obj);
        if (callbackFailure != null) {
            throw new SmileException("smile_run", SmileApi.SMILE_FAIL, "output callback failed: " + callbackFailure);
        }
        check("smile_run", res);
    }

    /** Back to INITIALIZED after a run, with the same configuration; the sink callback is set again. */
    public void reset() {
        check("smile_reset", SmileApi.smile_reset(obj));
        setSinkCallback();
    }

    public int state() {
        return SmileApi.smile_get_state(obj);
    }

    @Override
    public void close() {
        if (obj != null && obj.address() != 0) {
            SmileApi.smile_free(obj);
        }
        obj = null;
        if (arena.scope().isAlive()) arena.close();
    }

    private void check(String function, int result) {
        if (result == SMILE_SUCCESS) return;
        String msg = null;
        if (obj != null && obj.address() != 0) {
            MemorySegment m = SmileApi.smile_error_msg(obj);
            if (m.address() != 0) msg = m.getString(0);
        }
        if ((msg == null || msg.isBlank()) && lastLoggedError != null) msg = lastLoggedError;
        throw new SmileException(function, result, (msg == null ? "" : msg) + " [" + description + "]");
    }

    // ---- upcalls: must never throw into native code ------------------------------------------

    @SuppressWarnings("unused")
    private boolean onFrames(MemorySegment data, long nT, long n, MemorySegment meta, MemorySegment param) {
        try {
            if (sink != null && nT > 0 && n > 0) {
                MemorySegment values = data.reinterpret(nT * n * Float.BYTES);
                MemorySegment m = meta.reinterpret(SmileApi.SINK_META.byteSize());
                sink.frames(values, (int) nT, (int) n,
                        m.get(ValueLayout.JAVA_DOUBLE, SmileApi.SINK_META_TIME),
                        m.get(ValueLayout.JAVA_DOUBLE, SmileApi.SINK_META_PERIOD),
                        m.get(ValueLayout.JAVA_DOUBLE, SmileApi.SINK_META_LENGTH));
            }
        } catch (Throwable t) {
            if (callbackFailure == null) callbackFailure = t;
        }
        return true;
    }

    @SuppressWarnings("unused")
    private void onLog(MemorySegment smileObj, MemorySegment msg, MemorySegment param) {
        try {
            int type = msg.get(ValueLayout.JAVA_INT, 0);
            int level = msg.get(ValueLayout.JAVA_INT, 4);
            MemorySegment textPtr = msg.get(SmileApi.C_STRING, 8);
            MemorySegment modulePtr = msg.get(SmileApi.C_STRING, 16);
            String text = textPtr.address() == 0 ? "" : textPtr.getString(0).strip();
            String module = modulePtr.address() == 0 ? "" : modulePtr.getString(0);
            Logger.Level l = switch (type) {
                case SmileApi.SMILE_LOG_ERROR -> Logger.Level.ERROR;
                case SmileApi.SMILE_LOG_WARNING -> Logger.Level.WARNING;
                case SmileApi.SMILE_LOG_PRINT -> Logger.Level.INFO;
                default -> Logger.Level.DEBUG; // MESSAGE and DEBUG: progress chatter
            };
            String line = (module.isEmpty() ? "" : module + ": ") + text;
            if (type == SmileApi.SMILE_LOG_ERROR) lastLoggedError = line;
            if (LOG.isLoggable(l)) LOG.log(l, "openSMILE[" + level + "] " + line);
        } catch (Throwable ignored) {
            // a logging failure must not crash the native caller
        }
    }
}
