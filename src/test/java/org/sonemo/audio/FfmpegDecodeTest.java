package org.sonemo.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegDecodeTest {
    @TempDir
    Path dir;

    private static FfmpegDecoder.Decoded decode(Path p) throws IOException {
        try (ByteSource src = ByteSource.of(p)) {
            return FfmpegDecoder.decode(src);
        }
    }

    /**
     * With a LAME tag, FFmpeg's gapless trimming should give frames x 1152 - delay - padding; a file cut
     * short of its tag by one frame (the emoMusic excerpts) ends up within a frame of it. Without a tag,
     * the length must be within one frame of what the container reports.
     */
    @Test
    void mp3LengthsAgreeWithTheirHeaders() throws IOException {
        List<Path> mp3s = Corpus.withExtension("mp3");
        assertTrue(mp3s.size() >= 250, mp3s.size() + " MP3s");
        int exact = 0, tagged = 0;
        List<String> off = new ArrayList<>();
        for (Path p : mp3s) {
            FfmpegDecoder.Decoded d = decode(p);
            Mp3Info info = Mp3Info.parse(Files.readAllBytes(p));
            assertEquals(info.sampleRate(), d.audio().sampleRate(), p.toString());
            long frames = d.audio().frames();
            long expected = info.gaplessFrames() >= 0 ? info.gaplessFrames() : d.declaredFrames();
            if (info.gaplessFrames() >= 0) {
                tagged++;
                if (frames == expected) exact++;
            }
            if (Math.abs(frames - expected) > info.samplesPerFrame()) {
                off.add(p + ": decoded " + frames + ", expected " + expected + " (" + info + ")");
            }
        }
        System.out.println("MP3: " + mp3s.size() + " files, " + tagged + " with a LAME tag, " + exact + " trimmed exactly");
        assertEquals(List.of(), off);
        assertTrue(exact >= 10, "gapless trimming seems off: only " + exact + " of " + tagged + " exact");
    }

    /** Vorbis: at most the last page's granule position (the stream's stated length), and within one long block of it. */
    @Test
    void vorbisLengthsAgreeWithTheLastGranule() throws IOException {
        List<Path> oggs = Stream.concat(Corpus.withExtension("ogg").stream(), Corpus.withExtension("oga").stream()).toList();
        assertTrue(oggs.size() >= 100, oggs.size() + " Ogg files");
        int exact = 0;
        List<String> off = new ArrayList<>();
        for (Path p : oggs) {
            byte[] bytes = Files.readAllBytes(p);
            long granule = OggInfo.lastGranule(bytes);
            int block = OggInfo.blocksize1(bytes);
            long frames = decode(p).audio().frames();
            if (frames == granule) exact++;
            // never past the stated end (Ogg end trimming), never short by more than one block
            if (frames > granule || granule - frames > block) off.add(p + ": decoded " + frames + ", last granule " + granule);
        }
        System.out.println("Vorbis: " + oggs.size() + " files, " + exact + " exactly at the last granule");
        assertEquals(List.of(), off);
        assertTrue(exact > oggs.size() / 2, exact + " exact of " + oggs.size());
    }

    @Test
    void decodingIsIdenticalFromRunToRun() throws IOException {
        List<Path> files = Stream.of("mp3", "ogg", "oga").flatMap(e -> Corpus.withExtension(e).stream()).toList();
        for (Path p : files) {
            AudioBuffer a = AudioFiles.read(p), b = AudioFiles.read(p);
            assertArrayEquals(a.samples(), b.samples(), p.toString());
        }
        Path mp3 = files.getFirst();
        assertArrayEquals(AudioFiles.read(mp3).samples(), AudioFiles.read(Files.readAllBytes(mp3), "bytes").samples(),
                "bytes in memory decode like the file");
    }

    /** The CLI decodes with several threads: results must not depend on what runs alongside. */
    @Test
    void parallelDecodingGivesTheSameSamples() throws Exception {
        List<Path> files = Stream.of("mp3", "ogg").flatMap(e -> Corpus.withExtension(e).stream().limit(12)).toList();
        List<float[]> sequential = new ArrayList<>();
        for (Path p : files) sequential.add(AudioFiles.read(p).samples());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<float[]>> parallel = new ArrayList<>();
            for (Path p : files) parallel.add(pool.submit(() -> AudioFiles.read(p).samples()));
            for (int i = 0; i < files.size(); i++) {
                assertArrayEquals(sequential.get(i), parallel.get(i).get(), files.get(i).toString());
            }
        }
    }

    /** FLAC and AIFF written from the same integers as a WAV must decode to exactly the WAV's floats. */
    @Test
    void losslessCodecsDecodeToTheSameFloatsAsWav() throws IOException {
        for (int bits : new int[] {16, 24}) {
            long[] v = new long[2 * 10_000];
            double full = Math.pow(2, bits - 1);
            for (int i = 0; i < v.length; i++) v[i] = Math.round((full - 1) * Math.sin(i * 0.013) * Math.cos(i * 0.0007));
            v[0] = (long) -full; // the most negative value maps to exactly -1
            AudioBuffer wav = AudioFiles.read(Wavs.riff().fmt(1, 2, 44100, 2 * bits / 8, bits)
                    .data(Wavs.pcm(ByteOrder.LITTLE_ENDIAN, bits / 8, v)).bytes(), "ref.wav");
            Path flac = dir.resolve("t" + bits + ".flac");
            Files.write(flac, LosslessFiles.flac(v, 2, 44100, bits));
            FfmpegDecoder.Decoded d = decode(flac);
            assertEquals("flac", d.codec());
            assertArrayEquals(wav.samples(), d.audio().samples(), bits + "-bit FLAC");
            assertEquals(-1f, d.audio().samples()[0]);
            if (bits == 16) {
                Path aiff = dir.resolve("t.aiff");
                Files.write(aiff, LosslessFiles.aiff16(v, 2, 44100));
                AudioBuffer a = AudioFiles.read(aiff);
                assertEquals(44100, a.sampleRate());
                assertArrayEquals(wav.samples(), a.samples(), "16-bit AIFF");
            }
        }
    }

    /** Compressed WAV codecs are handed to FFmpeg: mu-law must decode through the same API. */
    @Test
    void compressedWavGoesToFfmpeg() throws Exception {
        byte[] mulaw = new byte[800];
        for (int i = 0; i < mulaw.length; i++) mulaw[i] = (byte) (i * 7);
        Path p = dir.resolve("mulaw.wav");
        Files.write(p, Wavs.riff().fmt(7, 1, 8000, 1, 8).data(mulaw).bytes());
        AudioBuffer b = AudioFiles.read(p);
        assertEquals(800, b.frames());
        assertEquals(8000, b.sampleRate());
        float peak = 0;
        for (float v : b.samples()) peak = Math.max(peak, Math.abs(v));
        assertTrue(peak > 0.5f && peak <= 1f, "peak " + peak);
    }

    /**
     * Thousands of decodes must not grow the C heap, where FFmpeg's contexts, packets, frames and our
     * I/O buffers live: glibc's mallinfo2() in-use bytes are compared (the Java heap is not malloc'd).
     */
    @Test
    void noNativeLeakOverThousandsOfFiles() throws Throwable {
        MethodHandle mallinfo2 = Linker.nativeLinker().defaultLookup().find("mallinfo2")
                .map(addr -> Linker.nativeLinker().downcallHandle(addr, FunctionDescriptor.of(MALLINFO2)))
                .orElse(null);
        assumeTrue(mallinfo2 != null, "needs glibc's mallinfo2 to measure the C heap");
        Path small = Corpus.withExtension("oga").stream().min(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        for (int i = 0; i < 500; i++) AudioFiles.read(small); // warm-up: JIT, FFmpeg's static tables
        long before = mallocInUse(mallinfo2);
        int n = 3000;
        for (int i = 0; i < n; i++) AudioFiles.read(small);
        long grown = mallocInUse(mallinfo2) - before;
        System.out.println("C heap in use grew " + grown / 1024 + " kB over " + n + " more decodes");
        // one leaked 64 KiB I/O buffer per file would be 190 MB; JVM-internal mallocs stay far below 8 MB
        assertTrue(grown < 8 << 20, "C heap grew by " + grown / 1024 + " kB over " + n + " decodes");
    }

    private static final StructLayout MALLINFO2 = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(10, ValueLayout.JAVA_LONG));

    /** mallinfo2().uordblks: bytes in use by malloc. */
    private static long mallocInUse(MethodHandle mallinfo2) throws Throwable {
        System.gc(); // lets JavaCPP's deallocators run for any collected wrapper
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = (MemorySegment) mallinfo2.invokeExact((SegmentAllocator) arena);
            return info.getAtIndex(ValueLayout.JAVA_LONG, 7);
        }
    }
}
