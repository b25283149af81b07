package org.sonemo.audio;

import java.io.IOException;
import java.util.Objects;

/**
 * An audio file that cannot be decoded: empty, truncated, not audio, an unsupported codec or an
 * absurd header. The message always reads {@code "<file>: <reason>"}.
 */
public class AudioFormatException extends IOException {
    private final String file;
    private final String reason;

    public AudioFormatException(String file, String reason) {
        this(file, reason, null);
    }

    public AudioFormatException(String file, String reason, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(reason, "reason"), cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file (or the caller's name for a stream or byte array) that failed. */
    public String file() {
        return file;
    }

    /** Why it failed, without the file name. */
    public String reason() {
        return reason;
    }
}
