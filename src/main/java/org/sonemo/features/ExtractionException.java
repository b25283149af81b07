package org.sonemo.features;

/** Extraction could not produce features for an input; the message says why. */
public class ExtractionException extends RuntimeException {
    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
