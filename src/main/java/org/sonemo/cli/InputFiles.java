package org.sonemo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Expands INPUT arguments (files and folders) into the audio files to process. */
final class InputFiles {
    private InputFiles() {
    }

    /** Extensions taken from folders; files without an extension are taken too (sniffed by content). */
    static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "wave", "mp3", "ogg", "oga", "opus", "flac", "m4a",
            "aac", "aif", "aiff", "aifc", "au", "snd", "wma", "webm", "mka", "mp2", "ac3", "caf", "w64", "rf64");

    /** One file to process, with the path as found from its INPUT argument. */
    record Input(Path path, String label) {
    }

    /**
     * Files named directly are always taken; folders are walked recursively in sorted order and
     * give their audio files (by extension, or with none). A missing INPUT is an error.
     */
    static List<Input> expand(List<String> args) {
        List<Input> out = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .filter(InputFiles::looksLikeAudioName)
                            .sorted()
                            .forEach(f -> out.add(new Input(f, f.toString())));
                } catch (IOException | UncheckedIOException e) {
                    throw new UsageException("cannot list " + arg + ": " + e.getMessage());
                }
            } else if (Files.exists(p)) {
                out.add(new Input(p, arg));
            } else {
                throw new UsageException(arg + ": no such file or folder");
            }
        }
        return out;
    }

    static boolean looksLikeAudioName(Path f) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 || AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
