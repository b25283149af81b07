package org.sonemo.audio;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Decodes anything FFmpeg (libavformat + libavcodec, through JavaCPP) opens: MP3, Ogg Vorbis,
 * FLAC, AAC, Opus, AIFF, compressed WAV... Bytes always come through our own {@link ByteSource}
 * (a custom AVIOContext), so a file name is never parsed as an FFmpeg URL and arrays decode the
 * same way as files.
 *
 * <p>Samples are converted in Java with the same scaling as the WAV reader (s16 / 2^15, s32 / 2^31),
 * so a FLAC and the WAV it was made from decode to identical floats. Encoder delay and padding are
 * removed by FFmpeg itself: the MP3 demuxer reads the LAME/Xing tag and attaches skip_samples side
 * data, which libavcodec applies (we never set AV_CODEC_FLAG2_SKIP_MANUAL). Without such a tag an
 * MP3 keeps the decoder delay, as every decoder does. One decoding thread per file keeps the
 * output bit-identical from run to run.
 */
final class FfmpegDecoder implements java.io.Closeable {
    private static final Logger LOG = Logger.getLogger(FfmpegDecoder.class.getName());
    private static final int IO_BUFFER = 1 << 16;
    /** Damaged packets tolerated (with a warning) as a share of all packets before the file is rejected. */
    private static final double MAX_DAMAGED_SHARE = 0.05;

    /** One native callback of each kind for the whole JVM (JavaCPP callbacks are a scarce resource). */
    private static final AtomicLong IDS = new AtomicLong();
    private static final Read_packet_Pointer_BytePointer_int READ;
    private static final Seek_Pointer_long_int SEEK;
    private static final LogCallback LOG_CALLBACK;

    static {
        READ = new Read_packet_Pointer_BytePointer_int() {
            @Override
            public int call(Pointer opaque, BytePointer buf, int size) {
                IoState io = IoState.of(opaque);
                if (io == null) return AVERROR_EIO();
                try {
                    ByteBuffer dst = buf.capacity(size).position(0).limit(size).asByteBuffer();
                    int n = io.src.read(dst, io.pos);
                    if (n <= 0) return AVERROR_EOF;
                    io.pos += n;
                    return n;
                } catch (IOException | RuntimeException e) {
                    io.failure = e;
                    return AVERROR_EIO();
                }
            }
        };
        SEEK = new Seek_Pointer_long_int() {
            @Override
            public long call(Pointer opaque, long offset, int whence) {
                IoState io = IoState.of(opaque);
                if (io == null) return AVERROR_EIO();
                try {
                    long size = io.src.size();
                    switch (whence & ~AVSEEK_FORCE) {
                        case AVSEEK_SIZE: return size;
                        case 0: io.pos = offset; break;           // SEEK_SET
                        case 1: io.pos += offset; break;          // SEEK_CUR
                        case 2: io.pos = size + offset; break;    // SEEK_END
                        default: return AVERROR_EINVAL();
                    }
                    return io.pos < 0 ? AVERROR_EINVAL() : io.pos;
                } catch (IOException | RuntimeException e) {
                    io.failure = e;
                    return AVERROR_EIO();
                }
            }
        };
        // FFmpeg's messages go to java.util.logging instead of stderr. Its per-packet errors are FINE only:
        // what matters reaches the caller as an AudioFormatException or our own warning with the file name.
        LOG_CALLBACK = new LogCallback() {
            @Override
            public void call(int level, BytePointer msg) {
                Level jul = level <= AV_LOG_FATAL ? Level.WARNING : level <= AV_LOG_ERROR ? Level.FINE : Level.FINER;
                if (LOG.isLoggable(jul)) LOG.log(jul, "FFmpeg: " + msg.getString().strip());
            }
        };
        av_log_set_level(AV_LOG_WARNING);
        setLogCallback(LOG_CALLBACK);
    }

    /** The decoded audio and what the container said about it (for the length checks and tests). */
    record Decoded(AudioBuffer audio, String container, String codec, long declaredFrames, boolean durationEstimated,
                   int codecFrameSize, int damagedPackets, int packets) {
    }

    /** Position state of one open input; reached from the native callbacks through the opaque id. */
    private static final class IoState {
        final ByteSource src;
        long pos;
        Exception failure;

        IoState(ByteSource src) {
            this.src = src;
        }

        private static final Map<Long, IoState> STATES = new ConcurrentHashMap<>();

        static IoState of(Pointer opaque) {
            return opaque == null || opaque.isNull() ? null : STATES.get(new LongPointer(opaque).get());
        }
    }

    private final String name;
    private final long id;
    private final IoState io;
    private final LongPointer opaque;
    private final AVDictionary opts = new AVDictionary(null);
    private AVIOContext avio;
    private AVFormatContext fmt;
    private AVCodecContext ctx;
    private AVPacket pkt;
    private AVFrame frame;
    private int streamIndex;
    private String container;
    private String codecName;
    private long declared;
    private boolean estimated;
    private int frameSize;
    private int sampleRate;
    private int channels;
    private int packets;
    private int damaged;
    private boolean ended;
    /** Ogg: the last granule's end in the stream time base; samples past it are encoder padding. */
    private long endPts = Long.MAX_VALUE;
    private int tbNum, tbDen;

    /** Opens the input and its decoder; everything native is freed by {@link #close()}, or here on failure. */
    FfmpegDecoder(ByteSource src) throws AudioFormatException {
        this.name = src.name();
        this.id = IDS.incrementAndGet();
        this.io = new IoState(src);
        IoState.STATES.put(id, io);
        this.opaque = new LongPointer(1).put(id);
        try {
            open();
        } catch (AudioFormatException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws AudioFormatException {
        BytePointer ioBuf = new BytePointer(av_malloc(IO_BUFFER));
        if (ioBuf.isNull()) throw new AudioFormatException(name, "FFmpeg could not allocate an I/O buffer");
        avio = avio_alloc_context(ioBuf, IO_BUFFER, 0, opaque, READ, null, SEEK);
        if (avio == null || avio.isNull()) {
            avio = null;
            av_free(ioBuf);
            throw new AudioFormatException(name, "FFmpeg could not allocate an I/O context");
        }
        fmt = avformat_alloc_context();
        fmt.pb(avio);
        // nested opens (playlists, references) may not leave this file
        av_dict_set(opts, "protocol_whitelist", "none", 0);
        int r = avformat_open_input(fmt, (String) null, null, opts);
        if (r < 0) {
            fmt = null; // freed by FFmpeg on failure
            throw new AudioFormatException(name, "not an audio format FFmpeg recognises (" + error(r, io) + ")");
        }
        r = avformat_find_stream_info(fmt, (AVDictionary) null);
        if (r < 0) throw new AudioFormatException(name, "cannot read stream information (" + error(r, io) + ")");
        container = fmt.iformat().name().getString();
        streamIndex = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
        if (streamIndex < 0) throw new AudioFormatException(name, container + " file without an audio stream");
        AVStream st = fmt.streams(streamIndex);
        AVCodecParameters par = st.codecpar();
        AVCodec codec = avcodec_find_decoder(par.codec_id());
        codecName = avcodec_get_name(par.codec_id()).getString();
        if (codec == null || codec.isNull()) {
            throw new AudioFormatException(name, "no decoder for the " + codecName + " codec in this FFmpeg build");
        }
        sampleRate = par.sample_rate();
        channels = par.ch_layout().nb_channels();
        if (channels <= 0 || channels > WavReader.MAX_CHANNELS) {
            throw new AudioFormatException(name, "absurd channel count " + channels);
        }
        if (sampleRate <= 0) throw new AudioFormatException(name, "absurd sample rate " + sampleRate);
        ctx = avcodec_alloc_context3(codec);
        r = avcodec_parameters_to_context(ctx, par);
        if (r < 0) throw new AudioFormatException(name, "bad " + codecName + " parameters (" + error(r, io) + ")");
        ctx.pkt_timebase(st.time_base());
        ctx.thread_count(1);
        r = avcodec_open2(ctx, codec, (AVDictionary) null);
        if (r < 0) throw new AudioFormatException(name, "cannot open the " + codecName + " decoder (" + error(r, io) + ")");
        declared = declaredFrames(fmt, st, sampleRate);
        tbNum = st.time_base().num();
        tbDen = st.time_base().den();
        // Ogg Vorbis: the last granule position is where the stream ends (end trimming). FFmpeg trims only
        // within the last packet, so a stream whose padding spans more than one packet came out long.
        // Only Vorbis is checked on real files; Opus's pre-skip makes its timestamps another story.
        if (container.equals("ogg") && codecName.equals("vorbis") && st.duration() != AV_NOPTS_VALUE && st.duration() > 0) {
            endPts = (st.start_time() != AV_NOPTS_VALUE ? st.start_time() : 0) + st.duration();
        }
        estimated = fmt.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE;
        frameSize = par.frame_size();
        pkt = av_packet_alloc();
        frame = av_frame_alloc();
    }

    int sampleRate() {
        return sampleRate;
    }

    int channels() {
        return channels;
    }

    /** Frames the container declares (a hint for allocation), or -1. */
    long declaredFrames() {
        return declared;
    }

    /**
     * Decodes packets into {@code sink} until it holds at least {@code wantedFrames} frames or the
     * stream ends; returns false once the stream has ended (after the end-of-file checks).
     */
    boolean fill(Sink sink, long wantedFrames) throws AudioFormatException {
        while (!ended && sink.frames() < wantedFrames) {
            int r = av_read_frame(fmt, pkt);
            if (r >= 0) {
                try {
                    if (pkt.stream_index() == streamIndex) {
                        packets++;
                        if (!sendAndDrain(pkt, sink)) damaged++;
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            } else if (r == AVERROR_EOF) {
                sendAndDrain(null, sink);
                ended = true;
                finish(sink.totalFrames());
            } else {
                throw new AudioFormatException(name, "reading the " + container + " stream failed (" + error(r, io) + ")");
            }
        }
        return !ended;
    }

    private void finish(long total) throws AudioFormatException {
        if (total == 0) throw new AudioFormatException(name, "no audio could be decoded from the " + codecName + " stream");
        if (damaged > 0) {
            if (damaged > MAX_DAMAGED_SHARE * packets) {
                throw new AudioFormatException(name, damaged + " of " + packets + " " + codecName + " packets are damaged");
            }
            LOG.warning(name + ": skipped " + damaged + " damaged " + codecName + " packet(s) of " + packets);
        }
        // a container that states its length (Xing/LAME frame count, FLAC STREAMINFO...) lets us tell a
        // truncated file from a short one; the slack covers encoder delay and padding (about 2 frames)
        long slack = Math.max(4096, 3L * Math.max(frameSize, 0));
        if (!estimated && declared > 0 && total < declared - slack) {
            throw new AudioFormatException(name, "truncated: the " + container + " header declares " + declared
                    + " frames but only " + total + " could be decoded");
        }
    }

    /** Decodes a whole input. */
    static Decoded decode(ByteSource src) throws AudioFormatException {
        try (FfmpegDecoder d = new FfmpegDecoder(src)) {
            long hint = d.declared > 0 ? d.declared * d.channels : 0;
            Sink sink = new Sink(src.name(), hint);
            d.fill(sink, Long.MAX_VALUE);
            return new Decoded(sink.toBuffer(), d.container, d.codecName, d.declared, d.estimated, d.frameSize,
                    d.damaged, d.packets);
        }
    }

    @Override
    public void close() {
        if (frame != null) av_frame_free(frame);
        if (pkt != null) av_packet_free(pkt);
        if (ctx != null) avcodec_free_context(ctx);
        if (fmt != null) avformat_close_input(fmt);
        if (avio != null) {
            av_free(avio.buffer());
            avio_context_free(avio);
        }
        frame = null;
        pkt = null;
        ctx = null;
        fmt = null;
        avio = null;
        av_dict_free(opts);
        opaque.close();
        IoState.STATES.remove(id);
    }

    /** Frames the container declares, or -1 when it does not say. */
    private static long declaredFrames(AVFormatContext fmt, AVStream st, int rate) {
        if (rate <= 0) return -1;
        if (st.duration() != AV_NOPTS_VALUE && st.duration() > 0) {
            return av_rescale_q(st.duration(), st.time_base(), av_make_q(1, rate));
        }
        if (fmt.duration() != AV_NOPTS_VALUE && fmt.duration() > 0) {
            return av_rescale(fmt.duration(), rate, AV_TIME_BASE);
        }
        return -1;
    }

    /** Sends one packet (null flushes) and appends every frame; returns false if the packet was damaged. */
    private boolean sendAndDrain(AVPacket pkt, Sink sink) throws AudioFormatException {
        int r = avcodec_send_packet(ctx, pkt);
        boolean ok = true;
        if (r < 0 && r != AVERROR_EOF) {
            if (r == AVERROR_INVALIDDATA) ok = false;
            else throw new AudioFormatException(name, "decoding failed (" + error(r, null) + ")");
        }
        while (true) {
            r = avcodec_receive_frame(ctx, frame);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) return ok;
            if (r == AVERROR_INVALIDDATA) {
                ok = false;
                continue;
            }
            if (r < 0) throw new AudioFormatException(name, "decoding failed (" + error(r, null) + ")");
            try {
                sink.append(frame, keepSamples(frame));
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    /** How many of the frame's samples lie before the stream's stated end. */
    private int keepSamples(AVFrame f) {
        int n = f.nb_samples();
        long pts = f.best_effort_timestamp();
        if (endPts == Long.MAX_VALUE || pts == AV_NOPTS_VALUE || f.sample_rate() <= 0 || tbDen <= 0) return n;
        long scale = (long) tbNum * f.sample_rate();
        long left = av_rescale(endPts, scale, tbDen) - av_rescale(pts, scale, tbDen);
        return (int) Math.max(0, Math.min(n, left));
    }

    static String error(int code, IoState io) {
        if (io != null && io.failure != null) return io.failure.toString();
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) n++;
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Collects interleaved float samples, converting FFmpeg's sample formats with exact scaling. */
    static final class Sink {
        private final String name;
        private float[] data;
        private int size;
        private int channels = -1;
        private int rate = -1;
        private float[] plane = new float[0];

        private long taken;

        /** The format is set by the first decoded frame (HE-AAC, for one, decodes at twice its stated rate). */
        Sink(String name, long expectedSamples) {
            this.name = name;
            // the declared length is a hint only: never trust it for more than a modest first array
            long hint = Math.min(expectedSamples + 8192, 1 << 24);
            this.data = new float[(int) Math.max(hint, 4096)];
        }

        /** Frames held now. */
        int frames() {
            return channels <= 0 ? 0 : size / channels;
        }

        /** Frames appended since the start, including those already taken. */
        long totalFrames() {
            return taken + frames();
        }

        int channels() {
            return channels;
        }

        int rate() {
            return rate;
        }

        /** Removes and returns up to {@code maxFrames} frames from the front. */
        AudioBuffer take(int maxFrames) {
            int n = Math.min(maxFrames, frames()) * channels;
            float[] out = java.util.Arrays.copyOf(data, n);
            System.arraycopy(data, n, data, 0, size - n);
            size -= n;
            taken += n / channels;
            return new AudioBuffer(out, rate, channels);
        }

        /** Appends the first {@code keep} samples per channel of the frame. */
        void append(AVFrame f, int keep) throws AudioFormatException {
            int n = keep;
            int ch = f.ch_layout().nb_channels();
            int sr = f.sample_rate();
            if (channels < 0) {
                if (ch <= 0 || ch > WavReader.MAX_CHANNELS) throw new AudioFormatException(name, "absurd channel count " + ch);
                if (sr <= 0) throw new AudioFormatException(name, "absurd sample rate " + sr);
                channels = ch;
                rate = sr;
            } else if (ch != channels || sr != rate) {
                throw new AudioFormatException(name, "the stream changes from " + channels + " channels at " + rate
                        + " Hz to " + ch + " channels at " + sr + " Hz; such files are not supported");
            }
            if (n <= 0) return;
            int count = n * ch;
            ensure((long) size + count);
            int format = f.format();
            boolean planar = av_sample_fmt_is_planar(format) != 0;
            if (!planar) {
                read(format, f.extended_data(0), data, size, count);
            } else {
                if (plane.length < n) plane = new float[n];
                for (int c = 0; c < ch; c++) {
                    read(format, f.extended_data(c), plane, 0, n);
                    for (int i = 0, k = size + c; i < n; i++, k += ch) data[k] = plane[i];
                }
            }
            size += count;
        }

        private void read(int format, BytePointer p, float[] out, int off, int count) throws AudioFormatException {
            switch (format) {
                case AV_SAMPLE_FMT_FLT, AV_SAMPLE_FMT_FLTP -> new FloatPointer(p).get(out, off, count);
                case AV_SAMPLE_FMT_S16, AV_SAMPLE_FMT_S16P -> {
                    short[] s = new short[count];
                    new ShortPointer(p).get(s);
                    for (int i = 0; i < count; i++) out[off + i] = s[i] / 32768f;
                }
                case AV_SAMPLE_FMT_S32, AV_SAMPLE_FMT_S32P -> {
                    int[] s = new int[count];
                    new IntPointer(p).get(s);
                    for (int i = 0; i < count; i++) out[off + i] = (float) (s[i] / 2147483648.0);
                }
                case AV_SAMPLE_FMT_U8, AV_SAMPLE_FMT_U8P -> {
                    byte[] s = new byte[count];
                    p.get(s);
                    for (int i = 0; i < count; i++) out[off + i] = ((s[i] & 0xFF) - 128) / 128f;
                }
                case AV_SAMPLE_FMT_DBL, AV_SAMPLE_FMT_DBLP -> {
                    double[] s = new double[count];
                    new DoublePointer(p).get(s);
                    for (int i = 0; i < count; i++) out[off + i] = (float) s[i];
                }
                case AV_SAMPLE_FMT_S64, AV_SAMPLE_FMT_S64P -> {
                    long[] s = new long[count];
                    new LongPointer(p).get(s);
                    for (int i = 0; i < count; i++) out[off + i] = (float) (s[i] / 9.223372036854775808E18);
                }
                default -> throw new AudioFormatException(name, "unsupported FFmpeg sample format "
                        + av_get_sample_fmt_name(format).getString());
            }
        }

        private void ensure(long needed) throws AudioFormatException {
            if (needed <= data.length) return;
            Limits.checkSamples(name, needed);
            long grown = Math.min(Limits.MAX_SAMPLES, Math.max(needed, (long) data.length * 3 / 2));
            Limits.checkSamples(name, grown + size); // the copy needs old and new arrays at once
            data = java.util.Arrays.copyOf(data, (int) grown);
        }

        AudioBuffer toBuffer() {
            float[] out = size == data.length ? data : java.util.Arrays.copyOf(data, size);
            return new AudioBuffer(out, rate, channels);
        }
    }
}
