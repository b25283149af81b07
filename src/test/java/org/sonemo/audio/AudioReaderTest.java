package org.sonemo.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioReaderTest {
    @TempDir
    Path dir;

    /** Chunks of any size concatenate to exactly the whole-file decode, for WAV, MP3 and Vorbis. */
    @Test
    void chunksConcatenateToTheWholeFile() throws IOException {
        List<Path> files = List.of(
                Corpus.withExtension("wav").getFirst(),
                Corpus.withExtension("mp3").getFirst(),
                Corpus.withExtension("mp3").getLast(),
                Corpus.withExtension("ogg").getFirst(),
                Corpus.withExtension("oga").getLast());
        for (Path p : files) {
            AudioBuffer whole = AudioFiles.read(p);
            for (int chunk : new int[] {1000, 4096, 44100}) {
                float[] joined = new float[whole.samples().length];
                int at = 0, chunks = 0;
                try (AudioReader r = AudioFiles.open(p)) {
                    assertEquals(whole.sampleRate(), r.sampleRate(), p.toString());
                    assertEquals(whole.channels(), r.channels(), p.toString());
                    for (AudioBuffer b; (b = r.read(chunk)) != null; chunks++) {
                        assertTrue(b.frames() <= chunk);
                        assertTrue(at + b.samples().length <= joined.length, p + ": more audio than the whole read");
                        if (at + b.samples().length < joined.length) assertEquals(chunk, b.frames(), "only the last chunk is short");
                        System.arraycopy(b.samples(), 0, joined, at, b.samples().length);
                        at += b.samples().length;
                    }
                    assertNull(r.read(chunk), "stays at the end");
                }
                assertEquals(whole.samples().length, at, p + " in chunks of " + chunk);
                assertArrayEquals(whole.samples(), joined, p + " in chunks of " + chunk);
                assertEquals((whole.frames() + chunk - 1) / chunk, chunks);
            }
        }
    }

    @Test
    void badFilesFailOnOpenAndTruncationOnTheLastRead() throws IOException {
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "hello, not audio\n");
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioFiles.open(text));
        assertTrue(e.getMessage().startsWith(text + ": "), e.getMessage());

        Path mp3 = Corpus.withExtension("mp3").stream().filter(p -> p.toString().contains("emomusic")).findFirst().orElseThrow();
        byte[] full = Files.readAllBytes(mp3);
        Path cut = dir.resolve("cut.mp3");
        Files.write(cut, Arrays.copyOf(full, full.length / 2));
        try (AudioReader r = AudioFiles.open(cut)) {
            AudioFormatException t = assertThrows(AudioFormatException.class, () -> {
                while (r.read(8192) != null) {
                    // the first chunks are fine; the end reveals the truncation
                }
            });
            assertTrue(t.getMessage().startsWith(cut + ": truncated"), t.getMessage());
        }
    }
}
