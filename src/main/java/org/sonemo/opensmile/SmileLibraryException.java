package org.sonemo.opensmile;

import org.sonemo.features.ExtractionException;

/** openSMILE's library or configuration files could not be found or loaded. */
public class SmileLibraryException extends ExtractionException {
    public SmileLibraryException(String message) {
        super(message);
    }

    public SmileLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
