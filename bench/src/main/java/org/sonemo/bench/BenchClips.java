package org.sonemo.bench;

import org.sonemo.audio.AudioBuffer;
import org.sonemo.audio.AudioFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The clips benchmarks run on, made from the shared corpus: the first 6 s of
 * {@code sounds/chromium-bsu/music_game.wav} (a 22.05 kHz game music track), resampled to the
 * rate asked for. Written as 16-bit WAV under {@code bench/target/clips} for the C programs.
 */
public final class BenchClips {
    private BenchClips() {
    }

    public static Path corpus() {
        String p = System.getProperty("sonemo.corpus");
        Path root = Path.of(p != null ? p : "../shared/corpus");
        if (!Files.isDirectory(root)) root = Path.of("../../shared/corpus");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("corpus not found: run from the project or bench folder, or set -Dsonemo.corpus");
        }
        return root.toAbsolutePath().normalize();
    }

    /** Six seconds of music at {@code rate}, mono, quantised to 16 bits (so the WAV file holds the same samples). */
    public static AudioBuffer music6s(int rate) throws IOException {
        AudioBuffer src = AudioFiles.read(corpus().resolve("sounds/chromium-bsu/music_game.wav")).mixDown();
        AudioBuffer r = src.sampleRate() == rate ? src : AudioFiles.resample(src, rate);
        float[] x = Arrays.copyOf(r.samples(), 6 * rate);
        for (int i = 0; i < x.length; i++) x[i] = Math.round(Math.max(-1f, Math.min(1f, x[i])) * 32767f) / 32768f;
        return AudioBuffer.mono(x, rate);
    }

    /** The clip as a 16-bit WAV file (created once). */
    public static Path music6sWav(int rate) throws IOException {
        Path dir = Path.of(System.getProperty("sonemo.bench.clips", "target/clips")).toAbsolutePath();
        Path f = dir.resolve("music6s_" + rate + ".wav");
        if (!Files.exists(f)) {
            Files.createDirectories(dir);
            writeWav16(f, music6s(rate));
        }
        return f;
    }

    static void writeWav16(Path f, AudioBuffer a) throws IOException {
        float[] x = a.samples();
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * x.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) a.channels())
                .putInt(a.sampleRate()).putInt(a.sampleRate() * 2 * a.channels()).putShort((short) (2 * a.channels()))
                .putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * x.length);
        for (float v : x) b.putShort((short) Math.round(v * 32768f));
        try (OutputStream o = Files.newOutputStream(f)) {
            o.write(b.array());
        }
    }

    /** The C reference benchmark built by the set-up ({@code ./sonemo setup}). */
    public static Path smileBench() {
        String p = System.getProperty("sonemo.smile_bench");
        Path f = Path.of(p != null ? p : "../target/native/smile_bench").toAbsolutePath().normalize();
        if (!Files.isExecutable(f)) throw new IllegalStateException(f + " not built: run ./sonemo setup");
        return f;
    }

    /** Writes the clip files for the given rates (for the C programs, before JMH runs). */
    public static void main(String[] rates) throws IOException {
        for (String r : rates) System.out.println(music6sWav(Integer.parseInt(r)));
    }

    public static Path opensmileHome() {
        String p = System.getProperty("sonemo.opensmile.home");
        return Path.of(p != null ? p : "../third_party/opensmile").toAbsolutePath().normalize();
    }
}
