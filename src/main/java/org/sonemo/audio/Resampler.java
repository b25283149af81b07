package org.sonemo.audio;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swresample.*;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Sample-rate conversion with FFmpeg's swresample: a Kaiser-windowed sinc with more taps than
 * swresample's default, cut off just below the lower Nyquist frequency. Channels are kept. The
 * output has exactly {@code round(frames * targetRate / sourceRate)} frames and starts at the same
 * instant as the input (swresample compensates its own filter delay; the tail is flushed).
 */
final class Resampler {
    /** Taps per side of the sinc at the lower rate (swresample's default is 32). */
    static final int FILTER_SIZE = 64;
    /** log2 of the polyphase count; 10 is the default and is exact for rational ratios anyway. */
    static final int PHASE_SHIFT = 10;
    /** Passband edge as a share of the lower Nyquist frequency. */
    static final double CUTOFF = 0.95;
    /** Kaiser window beta: higher means more stopband rejection and a wider transition band. */
    static final double KAISER_BETA = 12;
    private static final int BLOCK_FRAMES = 1 << 16;

    private Resampler() {
    }

    static AudioBuffer resample(AudioBuffer audio, int targetRate) {
        if (targetRate <= 0) throw new IllegalArgumentException("target rate must be positive: " + targetRate);
        if (audio.sampleRate() == targetRate) return audio;
        int ch = audio.channels();
        int inFrames = audio.frames();
        long want = Math.round((double) inFrames * targetRate / audio.sampleRate());
        if (want * ch > Limits.MAX_SAMPLES) {
            throw new IllegalArgumentException("resampled audio would have " + want * ch + " samples, too many for one buffer");
        }
        float[] out = new float[(int) (want * ch)];
        SwrContext swr = swr_alloc();
        if (swr == null || swr.isNull()) throw new IllegalStateException("swresample could not allocate a context");
        AVChannelLayout layout = new AVChannelLayout();
        FloatPointer in = null, res = null;
        PointerPointer<?> inPtr = null, outPtr = null;
        try {
            av_channel_layout_default(layout, ch);
            check(av_opt_set_chlayout(swr, "in_chlayout", layout, 0), "in_chlayout");
            check(av_opt_set_chlayout(swr, "out_chlayout", layout, 0), "out_chlayout");
            check(av_opt_set_int(swr, "in_sample_rate", audio.sampleRate(), 0), "in_sample_rate");
            check(av_opt_set_int(swr, "out_sample_rate", targetRate, 0), "out_sample_rate");
            check(av_opt_set_sample_fmt(swr, "in_sample_fmt", AV_SAMPLE_FMT_FLT, 0), "in_sample_fmt");
            check(av_opt_set_sample_fmt(swr, "out_sample_fmt", AV_SAMPLE_FMT_FLT, 0), "out_sample_fmt");
            check(av_opt_set_int(swr, "filter_size", FILTER_SIZE, 0), "filter_size");
            check(av_opt_set_int(swr, "phase_shift", PHASE_SHIFT, 0), "phase_shift");
            check(av_opt_set_double(swr, "cutoff", CUTOFF, 0), "cutoff");
            check(av_opt_set_double(swr, "kaiser_beta", KAISER_BETA, 0), "kaiser_beta");
            check(av_opt_set_int(swr, "exact_rational", 1, 0), "exact_rational");
            check(swr_init(swr), "swr_init");

            int blockOut = swr_get_out_samples(swr, BLOCK_FRAMES) + 256;
            in = new FloatPointer((long) BLOCK_FRAMES * ch);
            res = new FloatPointer((long) blockOut * ch);
            inPtr = new PointerPointer<FloatPointer>(1).put(0, in);
            outPtr = new PointerPointer<FloatPointer>(1).put(0, res);
            float[] samples = audio.samples();
            int written = 0;
            for (int done = 0; done <= inFrames; ) {
                int n = Math.min(BLOCK_FRAMES, inFrames - done);
                int got;
                if (n > 0) {
                    in.put(samples, done * ch, n * ch);
                    got = swr_convert(swr, outPtr, blockOut, inPtr, n);
                    done += n;
                } else {
                    got = swr_convert(swr, outPtr, blockOut, null, 0); // flush the filter's tail
                    if (got == 0) break;
                }
                check(got, "swr_convert");
                int take = (int) Math.min(got, want - written);
                if (take > 0) res.get(out, written * ch, take * ch);
                written += Math.max(take, 0);
            }
            // swresample may end a few frames short of the exact length; those stay zero
            return new AudioBuffer(out, targetRate, ch);
        } finally {
            if (inPtr != null) inPtr.close();
            if (outPtr != null) outPtr.close();
            if (in != null) in.close();
            if (res != null) res.close();
            av_channel_layout_uninit(layout);
            layout.close();
            swr_free(swr);
        }
    }

    private static void check(int r, String what) {
        if (r < 0) throw new IllegalStateException("swresample " + what + " failed: " + FfmpegDecoder.error(r, null));
    }
}
