package org.sonemo.opensmile;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The FFM binding of openSMILE's C API (SMILEapi), in the jextract style: the one place that
 * finds the library, keeps it loaded (global arena) and holds the downcall handles of all 20
 * functions and the descriptors of their callbacks. Methods mirror the C functions one to one
 * and return raw {@code smileres_t} codes; {@link SmileInstance} is the checked, owning wrapper.
 *
 * <p>C {@code long} is 64-bit on Linux and macOS and 32-bit on Windows: handles are declared
 * with the platform's {@code long} layout and adapted to Java {@code long} so callers do not care.
 */
public final class SmileApi {
    private SmileApi() {
    }

    // smileres_t
    public static final int SMILE_SUCCESS = 0;
    public static final int SMILE_FAIL = 1;
    public static final int SMILE_INVALID_ARG = 2;
    public static final int SMILE_INVALID_STATE = 3;
    public static final int SMILE_COMP_NOT_FOUND = 4;
    public static final int SMILE_LICENSE_FAIL = 5;
    public static final int SMILE_CONFIG_PARSE_FAIL = 6;
    public static final int SMILE_CONFIG_INIT_FAIL = 7;
    public static final int SMILE_NOT_WRITTEN = 8;

    // smilestate_t
    public static final int SMILE_UNINITIALIZED = 0;
    public static final int SMILE_INITIALIZED = 1;
    public static final int SMILE_RUNNING = 2;
    public static final int SMILE_ENDED = 3;

    // smilelogtype_t
    public static final int SMILE_LOG_MESSAGE = 1;
    public static final int SMILE_LOG_WARNING = 2;
    public static final int SMILE_LOG_ERROR = 3;
    public static final int SMILE_LOG_DEBUG = 4;
    public static final int SMILE_LOG_PRINT = 5;

    private static final Linker LINKER = Linker.nativeLinker();
    /** The platform's C {@code long}. */
    static final ValueLayout C_LONG = (ValueLayout) LINKER.canonicalLayouts().get("long").withName("c_long");
    static final AddressLayout C_STRING = ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(Long.MAX_VALUE, ValueLayout.JAVA_BYTE));

    /** {@code smilelogmsg_t { int type; int level; const char* text; const char* module; }}, passed by value. */
    public static final StructLayout LOG_MSG = MemoryLayout.structLayout(
            JAVA_INT.withName("type"), JAVA_INT.withName("level"),
            C_STRING.withName("text"), C_STRING.withName("module")).withName("smilelogmsg_t");

    /** {@code smileopt_t { const char* name; const char* value; }}. */
    public static final StructLayout OPTION = MemoryLayout.structLayout(
            ADDRESS.withName("name"), ADDRESS.withName("value")).withName("smileopt_t");

    /** {@code sExternalSinkMetaDataEx { long vIdx; double time; double period; double lengthSec; }}. */
    public static final StructLayout SINK_META = C_LONG.byteSize() == 8
            ? MemoryLayout.structLayout(C_LONG.withName("vIdx"), JAVA_DOUBLE.withName("time"),
            JAVA_DOUBLE.withName("period"), JAVA_DOUBLE.withName("lengthSec"))
            : MemoryLayout.structLayout(C_LONG.withName("vIdx"), MemoryLayout.paddingLayout(4),
            JAVA_DOUBLE.withName("time"), JAVA_DOUBLE.withName("period"), JAVA_DOUBLE.withName("lengthSec"));
    public static final long SINK_META_TIME = SINK_META.byteOffset(MemoryLayout.PathElement.groupElement("time"));
    public static final long SINK_META_LENGTH = SINK_META.byteOffset(MemoryLayout.PathElement.groupElement("lengthSec"));
    public static final long SINK_META_PERIOD = SINK_META.byteOffset(MemoryLayout.PathElement.groupElement("period"));

    // Callback signatures.
    /** {@code void log(smileobj_t*, smilelogmsg_t, void* param)}. */
    public static final FunctionDescriptor LOG_CALLBACK = FunctionDescriptor.ofVoid(ADDRESS, LOG_MSG, ADDRESS);
    /** {@code void stateChanged(smileobj_t*, smilestate_t, void* param)}. */
    public static final FunctionDescriptor STATE_CALLBACK = FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS);
    /** {@code bool sink(const float* data, long vectorSize, void* param)}. */
    public static final FunctionDescriptor SINK_CALLBACK = FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, C_LONG, ADDRESS);
    /** {@code bool sinkEx(const float* data, long nT, long N, const sExternalSinkMetaDataEx* meta, void* param)}. */
    public static final FunctionDescriptor SINK_EX_CALLBACK = FunctionDescriptor.of(JAVA_BOOLEAN,
            ADDRESS, C_LONG, C_LONG, ADDRESS.withTargetLayout(SINK_META), ADDRESS);
    /** {@code bool jsonMessage(const char* json, void* param)}. */
    public static final FunctionDescriptor JSON_MSG_CALLBACK = FunctionDescriptor.of(JAVA_BOOLEAN, C_STRING, ADDRESS);
    /** The deprecated message callback: {@code bool msg(const void* message, void* param)}. */
    public static final FunctionDescriptor MSG_CALLBACK = FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, ADDRESS);

    /** Whether the library can be loaded; never throws. */
    public static boolean isAvailable() {
        return Lib.FAILURE == null;
    }

    /** Throws a {@link SmileLibraryException} saying what is wrong when the library cannot be loaded. */
    public static void requireLibrary() {
        Lib.lookup();
    }

    // ---- the 20 functions ------------------------------------------------------------------

    public static MemorySegment smile_new() {
        try {
            return (MemorySegment) H.smile_new.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_initialize(MemorySegment obj, MemorySegment configFile, int nOptions, MemorySegment options,
                                       int loglevel, int debug, int consoleOutput, MemorySegment logFile) {
        try {
            return (int) H.smile_initialize.invokeExact(obj, configFile, nOptions, options, loglevel, debug, consoleOutput, logFile);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_run(MemorySegment obj) {
        try {
            return (int) H.smile_run.invokeExact(obj);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_abort(MemorySegment obj) {
        try {
            return (int) H.smile_abort.invokeExact(obj);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_reset(MemorySegment obj) {
        try {
            return (int) H.smile_reset.invokeExact(obj);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_set_log_callback(MemorySegment obj, MemorySegment callback, MemorySegment param) {
        try {
            return (int) H.smile_set_log_callback.invokeExact(obj, callback, param);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_get_state(MemorySegment obj) {
        try {
            return (int) H.smile_get_state.invokeExact(obj);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_set_state_callback(MemorySegment obj, MemorySegment callback, MemorySegment param) {
        try {
            return (int) H.smile_set_state_callback.invokeExact(obj, callback, param);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void smile_free(MemorySegment obj) {
        try {
            H.smile_free.invokeExact(obj);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_extsource_write_data(MemorySegment obj, MemorySegment component, MemorySegment data, int nFrames) {
        try {
            return (int) H.smile_extsource_write_data.invokeExact(obj, component, data, nFrames);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_extsource_set_external_eoi(MemorySegment obj, MemorySegment component) {
        try {
            return (int) H.smile_extsource_set_external_eoi.invokeExact(obj, component);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Writes audio; {@code length} is in bytes. Declared with the critical linker option (the
     * library copies the data and calls nothing back), so {@code data} may be a heap segment
     * wrapping a Java {@code float[]}: no copy into native memory.
     */
    public static int smile_extaudiosource_write_data(MemorySegment obj, MemorySegment component, MemorySegment data, int length) {
        try {
            return (int) H.smile_extaudiosource_write_data.invokeExact(obj, component, data, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_extaudiosource_set_external_eoi(MemorySegment obj, MemorySegment component) {
        try {
            return (int) H.smile_extaudiosource_set_external_eoi.invokeExact(obj, component);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_extsink_set_data_callback(MemorySegment obj, MemorySegment component, MemorySegment callback, MemorySegment param) {
        try {
            return (int) H.smile_extsink_set_data_callback.invokeExact(obj, component, callback, param);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_extsink_set_data_callback_ex(MemorySegment obj, MemorySegment component, MemorySegment callback, MemorySegment param) {
        try {
            return (int) H.smile_extsink_set_data_callback_ex.invokeExact(obj, component, callback, param);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code n} points to a C {@code long}; read it with {@link #readCLong}. */
    public static int smile_extsink_get_num_elements(MemorySegment obj, MemorySegment component, MemorySegment n) {
        try {
            return (int) H.smile_extsink_get_num_elements.invokeExact(obj, component, n);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_extsink_get_element_name(MemorySegment obj, MemorySegment component, long idx, MemorySegment name) {
        try {
            return (int) H.smile_extsink_get_element_name.invokeExact(obj, component, idx, name);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Deprecated in openSMILE; bound for completeness. */
    public static int smile_extmsginterface_set_msg_callback(MemorySegment obj, MemorySegment component, MemorySegment callback, MemorySegment param) {
        try {
            return (int) H.smile_extmsginterface_set_msg_callback.invokeExact(obj, component, callback, param);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int smile_extmsginterface_set_json_msg_callback(MemorySegment obj, MemorySegment component, MemorySegment callback, MemorySegment param) {
        try {
            return (int) H.smile_extmsginterface_set_json_msg_callback.invokeExact(obj, component, callback, param);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The last error text of {@code obj}, or {@link MemorySegment#NULL}. */
    public static MemorySegment smile_error_msg(MemorySegment obj) {
        try {
            return (MemorySegment) H.smile_error_msg.invokeExact(obj);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Reads a C {@code long} at offset 0 of {@code segment} as a Java long. */
    public static long readCLong(MemorySegment segment) {
        return C_LONG.byteSize() == 8 ? segment.get(ValueLayout.JAVA_LONG, 0) : segment.get(JAVA_INT, 0);
    }

    /** Upcall stub for {@code target}, whose Java type uses {@code long} where the C type has {@code long}. */
    public static MemorySegment upcall(MethodHandle target, FunctionDescriptor descriptor, Arena arena) {
        MethodType carrier = descriptor.toMethodType();
        return LINKER.upcallStub(MethodHandles.explicitCastArguments(target, carrier), descriptor, arena);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    /**
     * Finds and loads the library once. A failure is kept, not thrown from the initialiser, so
     * every later use reports it as a {@link SmileLibraryException} (not an ExceptionInInitializerError).
     */
    private static final class Lib {
        static final Path PATH = SmileLocation.library();
        static final SymbolLookup LOOKUP;
        static final SmileLibraryException FAILURE;

        static {
            SymbolLookup lookup = null;
            SmileLibraryException failure = null;
            if (!Files.isRegularFile(PATH)) {
                failure = new SmileLibraryException("openSMILE library not found at " + PATH + SmileLocation.HOW_TO_SUPPLY);
            } else {
                try {
                    lookup = SymbolLookup.libraryLookup(PATH, Arena.global());
                } catch (IllegalArgumentException e) {
                    failure = new SmileLibraryException("cannot load openSMILE library " + PATH + ": " + e.getMessage(), e);
                }
            }
            LOOKUP = lookup;
            FAILURE = failure;
        }

        static SymbolLookup lookup() {
            if (FAILURE != null) throw new SmileLibraryException(FAILURE.getMessage(), FAILURE);
            return LOOKUP;
        }

        static MethodHandle find(String name, FunctionDescriptor fd, Linker.Option... options) {
            MemorySegment symbol = lookup().find(name).orElseThrow(() ->
                    new SmileLibraryException("symbol " + name + " missing from " + PATH));
            MethodHandle h = LINKER.downcallHandle(symbol, fd, options);
            // Adapt platform C long (int on Windows) to Java long so call sites are uniform.
            MethodType javaType = h.type();
            for (int i = 0; i < javaType.parameterCount(); i++) {
                if (fd.argumentLayouts().get(i) == C_LONG) javaType = javaType.changeParameterType(i, long.class);
            }
            return MethodHandles.explicitCastArguments(h, javaType);
        }
    }

    /** Downcall handles, created on first use of any function. */
    private static final class H {
        static final MethodHandle smile_new = Lib.find("smile_new", FunctionDescriptor.of(ADDRESS));
        static final MethodHandle smile_initialize = Lib.find("smile_initialize", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
        static final MethodHandle smile_run = Lib.find("smile_run", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle smile_abort = Lib.find("smile_abort", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle smile_reset = Lib.find("smile_reset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle smile_set_log_callback = Lib.find("smile_set_log_callback",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle smile_get_state = Lib.find("smile_get_state", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle smile_set_state_callback = Lib.find("smile_set_state_callback",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle smile_free = Lib.find("smile_free", FunctionDescriptor.ofVoid(ADDRESS));
        static final MethodHandle smile_extsource_write_data = Lib.find("smile_extsource_write_data",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS.withTargetLayout(JAVA_FLOAT), JAVA_INT),
                Linker.Option.critical(true));
        static final MethodHandle smile_extsource_set_external_eoi = Lib.find("smile_extsource_set_external_eoi",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle smile_extaudiosource_write_data = Lib.find("smile_extaudiosource_write_data",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT), Linker.Option.critical(true));
        static final MethodHandle smile_extaudiosource_set_external_eoi = Lib.find("smile_extaudiosource_set_external_eoi",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle smile_extsink_set_data_callback = Lib.find("smile_extsink_set_data_callback",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle smile_extsink_set_data_callback_ex = Lib.find("smile_extsink_set_data_callback_ex",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle smile_extsink_get_num_elements = Lib.find("smile_extsink_get_num_elements",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle smile_extsink_get_element_name = Lib.find("smile_extsink_get_element_name",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, C_LONG, ADDRESS));
        static final MethodHandle smile_extmsginterface_set_msg_callback = Lib.find("smile_extmsginterface_set_msg_callback",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle smile_extmsginterface_set_json_msg_callback = Lib.find("smile_extmsginterface_set_json_msg_callback",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle smile_error_msg = Lib.find("smile_error_msg", FunctionDescriptor.of(C_STRING, ADDRESS));
    }
}
