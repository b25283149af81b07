package org.sonemo.data;

/** A dataset, annotation or feature file that cannot be used, with a message naming file and place. */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
