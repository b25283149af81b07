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
final class FfmpegDecoder {
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
        // FFmpeg's messages go to java.util.logging instead of stderr; only warnings and worse are formatted
        LOG_CALLBACK = new LogCallback() {
            @Override
            public void call(int level, BytePointer msg) {
                Level jul = level <= AV_LOG_ERROR ? Level.WARNING : level <= AV_LOG_WARNING ? Level.FINE : Level.FINER;
                if (LOG.isLoggable(jul)) LOG.log(jul, "FFmpeg: " + msg.getString().strip());
            }
        };
        av_log_set_level(AV_LOG_WARNING);
        setLogCallback(LOG_CALLBACK);
    }

    private FfmpegDecoder() {
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

    static Decoded decode(ByteSource src) throws AudioFormatException {
        String name = src.name();
        long id = IDS.incrementAndGet();
        IoState io = new IoState(src);
        IoState.STATES.put(id, io);
        LongPointer opaque = new LongPointer(1).put(id);
        AVIOContext avio = null;
        AVFormatContext fmt = null;
        AVCodecContext ctx = null;
        AVPacket pkt = null;
        AVFrame frame = null;
        AVDictionary opts = new AVDictionary(null);
        try {
            BytePointer ioBuf = new BytePointer(av_malloc(IO_BUFFER));
            if (ioBuf.isNull()) throw new AudioFormatException(name, "FFmpeg could not allocate an I/O buffer");
            avio = avio_alloc_context(ioBuf, IO_BUFFER, 0, opaque, READ, null, SEEK);
            if (avio == null || avio.isNull()) {
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
            String container = fmt.iformat().name().getString();
            int si = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
            if (si < 0) {
                throw new AudioFormatException(name, container + " file without an audio stream");
            }
            AVStream st = fmt.streams(si);
            AVCodecParameters par = st.codecpar();
            AVCodec codec = avcodec_find_decoder(par.codec_id());
            String codecName = avcodec_get_name(par.codec_id()).getString();
            if (codec == null || codec.isNull()) {
                throw new AudioFormatException(name, "no decoder for the " + codecName + " codec in this FFmpeg build");
            }
            ctx = avcodec_alloc_context3(codec);
            r = avcodec_parameters_to_context(ctx, par);
            if (r < 0) throw new AudioFormatException(name, "bad " + codecName + " parameters (" + error(r, io) + ")");
            ctx.pkt_timebase(st.time_base());
            ctx.thread_count(1);
            r = avcodec_open2(ctx, codec, (AVDictionary) null);
            if (r < 0) throw new AudioFormatException(name, "cannot open the " + codecName + " decoder (" + error(r, io) + ")");

            long declared = declaredFrames(fmt, st, par.sample_rate());
            boolean estimated = fmt.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE;
            Sink sink = new Sink(name, declared > 0 ? declared * Math.max(1, par.ch_layout().nb_channels()) : 0);
            pkt = av_packet_alloc();
            frame = av_frame_alloc();
            int packets = 0, damaged = 0;
            while ((r = av_read_frame(fmt, pkt)) >= 0) {
                try {
                    if (pkt.stream_index() == si) {
                        packets++;
                        if (!sendAndDrain(ctx, pkt, frame, sink, name)) damaged++;
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            }
            if (r != AVERROR_EOF) {
                throw new AudioFormatException(name, "reading the " + container + " stream failed (" + error(r, io) + ")");
            }
            sendAndDrain(ctx, null, frame, sink, name);
            if (sink.frames() == 0) {
                throw new AudioFormatException(name, "no audio could be decoded from the " + codecName + " stream");
            }
            if (damaged > 0) {
                if (damaged > MAX_DAMAGED_SHARE * packets) {
                    throw new AudioFormatException(name, damaged + " of " + packets + " " + codecName
                            + " packets are damaged");
                }
                LOG.warning(name + ": skipped " + damaged + " damaged " + codecName + " packet(s) of " + packets);
            }
            // a container that states its length (Xing/LAME frame count, FLAC STREAMINFO...) lets us tell a
            // truncated file from a short one; the slack covers encoder delay and padding (about 2 frames)
            long slack = Math.max(4096, 3L * Math.max(par.frame_size(), 0));
            if (!estimated && declared > 0 && sink.frames() < declared - slack) {
                throw new AudioFormatException(name, "truncated: the " + container + " header declares " + declared
                        + " frames but only " + sink.frames() + " could be decoded");
            }
            AudioBuffer audio = sink.toBuffer();
            return new Decoded(audio, container, codecName, declared, estimated, par.frame_size(), damaged, packets);
        } finally {
            if (frame != null) av_frame_free(frame);
            if (pkt != null) av_packet_free(pkt);
            if (ctx != null) avcodec_free_context(ctx);
            if (fmt != null) avformat_close_input(fmt);
            if (avio != null) {
                av_free(avio.buffer());
                avio_context_free(avio);
            }
            av_dict_free(opts);
            opaque.close();
            IoState.STATES.remove(id);
        }
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
    private static boolean sendAndDrain(AVCodecContext ctx, AVPacket pkt, AVFrame frame, Sink sink, String name)
            throws AudioFormatException {
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
                sink.append(frame);
            } finally {
                av_frame_unref(frame);
            }
        }
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

        Sink(String name, long expectedSamples) throws AudioFormatException {
            this.name = name;
            // the declared length is a hint only: never trust it for more than the heap can hold
            long hint = Math.min(expectedSamples + 8192, 1 << 24);
            this.data = new float[(int) Math.max(hint, 4096)];
        }

        int frames() {
            return channels <= 0 ? 0 : size / channels;
        }

        void append(AVFrame f) throws AudioFormatException {
            int n = f.nb_samples();
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
