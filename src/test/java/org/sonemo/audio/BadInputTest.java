package org.sonemo.audio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed input always gives an AudioFormatException that names the file and says why. */
class BadInputTest {
    @TempDir
    Path dir;

    private AudioFormatException fails(String name, byte[] bytes, String reasonPart) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioFiles.read(p), name);
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        assertTrue(e.file().equals(p.toString()), e.file());
        assertTrue(e.reason().contains(reasonPart), "expected '" + reasonPart + "' in: " + e.getMessage());
        return e;
    }

    private static byte[] pcm16(int frames) {
        long[] v = new long[frames];
        for (int i = 0; i < frames; i++) v[i] = (long) (8000 * Math.sin(i * 0.1));
        return Wavs.pcm(ByteOrder.LITTLE_ENDIAN, 2, v);
    }

    @Test
    void zeroByteFiles() throws IOException {
        fails("empty.wav", new byte[0], "empty file");
        fails("empty.mp3", new byte[0], "empty file");
        fails("no-extension", new byte[0], "empty file");
    }

    @Test
    void truncatedWavIsAnErrorNotAShorterSound() throws IOException {
        byte[] full = Wavs.riff().fmt(1, 1, 16000, 2, 16).data(pcm16(16000)).bytes();
        byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
        fails("truncated.wav", cut, "truncated");
        fails("header-only.wav", java.util.Arrays.copyOf(full, 30), "ends inside the fmt chunk");
        fails("tiny.wav", java.util.Arrays.copyOf(full, 10), "too short");
    }

    @Test
    void dataChunkLargerThanTheFile() throws IOException {
        byte[] wav = Wavs.riff().fmt(1, 2, 44100, 4, 16).chunk("data", 0x7FFF_FFF0L, pcm16(50)).bytes();
        fails("huge-data.wav", wav, "declares 2147483632 bytes");
    }

    @Test
    void absurdHeaders() throws IOException {
        // 65535 channels is the most 16 bits can say; its block align cannot be right
        fails("channels-65535.wav", Wavs.riff().fmt(1, 0xFFFF, 44100, 0xFFFE, 16).data(pcm16(10)).bytes(),
                "declares 65535 channels");
        fails("channels-2-align.wav", Wavs.riff().fmt(1, 2, 44100, 0xFFFF, 16).data(pcm16(10)).bytes(),
                "does not fit 2 channels");
        fails("channels-4096.wav", Wavs.riff().fmt(1, 4096, 44100, 4096, 8).data(new byte[8192]).bytes(),
                "4096 channels");
        fails("channels-0.wav", Wavs.riff().fmt(1, 0, 44100, 2, 16).data(pcm16(10)).bytes(), "0 channels");
        fails("rate-2^31.wav", Wavs.riff().fmt(1, 1, 0x8000_0000L, 2, 16).data(pcm16(10)).bytes(), "sample rate");
        fails("rate-0.wav", Wavs.riff().fmt(1, 1, 0, 2, 16).data(pcm16(10)).bytes(), "sample rate");
        fails("align.wav", Wavs.riff().fmt(1, 2, 8000, 3, 16).data(pcm16(10)).bytes(), "block align 3");
        fails("bits-64-int.wav", Wavs.riff().fmt(1, 1, 8000, 8, 64).data(new byte[64]).bytes(), "64-bit integer");
        fails("bits-vs-align.wav", Wavs.riff().fmt(1, 1, 8000, 1, 16).data(new byte[64]).bytes(), "16-bit integer");
        fails("float-16.wav", Wavs.riff().fmt(3, 1, 8000, 2, 16).data(new byte[64]).bytes(), "float samples of 16 bits");
        fails("fmt-huge.wav", Wavs.riff().chunk("fmt ", 0x7000_0000L, new byte[16]).bytes(), "absurd");
        fails("no-data.wav", Wavs.riff().fmt(1, 1, 8000, 2, 16).chunk("LIST", new byte[4]).bytes(), "no data chunk");
        fails("empty-data.wav", Wavs.riff().fmt(1, 1, 8000, 2, 16).data(new byte[0]).bytes(), "no audio samples");
        fails("not-wave.wav", ascii("RIFF\0\0\0\0AVI LIST"), "not an audio format"); // RIFF but not WAVE: FFmpeg tries
        // a fmt chunk after a huge bogus chunk: the walk stops at the end of the file
        fails("bogus-chunk.wav", Wavs.riff().chunk("junk", 0xFFFF_FF00L, new byte[4]).fmt(1, 1, 8000, 2, 16).bytes(),
                "no fmt chunk");
    }

    @Test
    void textNamedAsAudio() throws IOException {
        byte[] text = "This is not audio.\nJust a note someone saved as a song.\n".getBytes(StandardCharsets.UTF_8);
        fails("song.mp3", text, "text file");
        fails("song.wav", text, "text file");
        fails("song.ogg", text, "text file");
    }

    @Test
    void randomBytesAndOtherBinaryFiles() throws IOException {
        Random rnd = new Random(42);
        for (int i = 0; i < 5; i++) {
            byte[] junk = new byte[1000 + rnd.nextInt(50_000)];
            rnd.nextBytes(junk);
            junk[0] = 0; // not mistaken for text or an MPEG sync
            fails("random-" + i + ".ogg", junk, "");
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write(new byte[5000]);
        }
        fails("archive.flac", zip.toByteArray(), "");
        // magic bytes of real formats followed by garbage
        byte[] fakeOgg = new byte[4096];
        new Random(1).nextBytes(fakeOgg);
        System.arraycopy(ascii("OggS"), 0, fakeOgg, 0, 4);
        fails("fake.ogg", fakeOgg, "");
        byte[] fakeFlac = fakeOgg.clone();
        System.arraycopy(ascii("fLaC"), 0, fakeFlac, 0, 4);
        fails("fake.flac", fakeFlac, "");
        byte[] fakeMp3 = fakeOgg.clone();
        System.arraycopy(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 10}, 0, fakeMp3, 0, 10);
        fails("fake.mp3", fakeMp3, "");
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("missing.wav");
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioFiles.read(missing));
        assertTrue(e.getMessage().startsWith(missing + ": cannot read"), e.getMessage());
        AudioFormatException d = assertThrows(AudioFormatException.class, () -> AudioFiles.read(dir));
        assertTrue(d.getMessage().startsWith(dir + ": a directory"), d.getMessage());
    }

    /** A named pipe would block a plain open forever; it is refused at once. */
    @Test
    void namedPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.wav");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("mkfifo not available: " + e);
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed");
        AudioFormatException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(AudioFormatException.class, () -> AudioFiles.read(fifo)));
        assertTrue(e.getMessage().startsWith(fifo + ": not a regular file"), e.getMessage());
        assertThrows(AudioFormatException.class, () -> AudioFiles.open(fifo));
    }

    @Test
    void truncatedMp3IsReported() throws IOException {
        // an MP3 with a Xing/LAME header states its frame count, so a cut file is recognisably short
        Path mp3 = Corpus.withExtension("mp3").stream()
                .filter(p -> p.toString().contains("emomusic")).findFirst().orElseThrow();
        byte[] full = Files.readAllBytes(mp3);
        fails("cut.mp3", java.util.Arrays.copyOf(full, full.length / 2), "truncated");
    }

    @Test
    void truncatedOggDecodesWhatIsThereOrFails() throws IOException {
        // Ogg states no total length up front, so a cut file can only be as long as what is left
        Path ogg = Corpus.withExtension("ogg").getFirst();
        AudioBuffer whole = AudioFiles.read(ogg);
        byte[] full = Files.readAllBytes(ogg);
        Path cut = dir.resolve("cut.ogg");
        Files.write(cut, java.util.Arrays.copyOf(full, full.length / 2));
        try {
            AudioBuffer part = AudioFiles.read(cut);
            assertTrue(part.frames() < whole.frames() * 0.75, part.frames() + " of " + whole.frames());
        } catch (AudioFormatException e) {
            assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
        }
    }

    /** A 4 GiB WAV (sparse on disk) is refused whole, before allocating, but reads fine in chunks. */
    @Test
    void wavTooLongForOneBufferReadsInChunks() throws IOException {
        byte[] header = Wavs.riff().fmt(1, 1, 48000, 2, 16).chunk("data", 0xFFFF_FFF0L, new byte[0]).bytes();
        Path p = dir.resolve("four-gigabytes.wav");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(p.toFile(), "rw")) {
            f.write(header);
            f.setLength(header.length + 0xFFFF_FFF0L);
        }
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioFiles.read(p));
        assertTrue(e.getMessage().startsWith(p + ": too long to decode into one buffer"), e.getMessage());
        try (AudioReader r = AudioFiles.open(p)) {
            AudioBuffer first = r.read(48000);
            assertTrue(first.frames() == 48000 && first.samples()[0] == 0f);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
