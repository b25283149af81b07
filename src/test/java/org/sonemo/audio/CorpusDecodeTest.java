package org.sonemo.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CorpusDecodeTest {

    @Test
    void everyCorpusFileDecodes() {
        List<Path> files = Corpus.audioFiles();
        Map<String, Integer> byType = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int decoded = 0;
        for (Path p : files) {
            try {
                AudioBuffer b = AudioFiles.read(p);
                assertTrue(b.frames() > 0, p + ": no frames");
                assertTrue(b.sampleRate() >= 8000 && b.sampleRate() <= 96000, p + ": rate " + b.sampleRate());
                assertTrue(b.channels() == 1 || b.channels() == 2, p + ": channels " + b.channels());
                float peak = 0;
                for (float v : b.samples()) {
                    if (!Float.isFinite(v)) fail(p + ": non-finite sample");
                    peak = Math.max(peak, Math.abs(v));
                }
                // MP3/Vorbis may overshoot full scale slightly; anything past 2 is a scaling bug
                assertTrue(peak <= 2f, p + ": peak " + peak);
                decoded++;
                byType.merge(Corpus.extension(p).isEmpty() ? "(none)" : Corpus.extension(p), 1, Integer::sum);
            } catch (AudioFormatException e) {
                failures.add(e.getMessage());
            }
        }
        System.out.println("decoded " + decoded + " of " + files.size() + " corpus files: " + byType);
        assertEquals(List.of(), failures);
        assertEquals(files.size(), decoded);
        // the corpus README lists 375 TAVA WAVs, 240 + 10 + 4 MP3s and 178 sounds
        assertTrue(files.size() >= 800, "only " + files.size() + " audio files found under " + Corpus.root());
    }
}
