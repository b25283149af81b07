package org.sonemo.audio;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The shared test corpus: system property {@code sonemo.corpus}, else {@code ../shared/corpus}. */
final class Corpus {
    private Corpus() {
    }

    static Path root() {
        return org.sonemo.testing.Corpus.root();
    }

    /** Every audio file: by extension, plus the extension-less files of sounds/sound-icons. */
    static List<Path> audioFiles() {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(Files::isRegularFile).filter(Corpus::isAudio).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> withExtension(String ext) {
        return audioFiles().stream().filter(p -> extension(p).equals(ext)).toList();
    }

    static boolean isAudio(Path p) {
        String ext = extension(p);
        if (List.of("wav", "mp3", "ogg", "oga", "flac").contains(ext)) return true;
        return ext.isEmpty() && p.getParent().getFileName().toString().equals("sound-icons");
    }

    static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
