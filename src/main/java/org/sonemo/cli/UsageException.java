package org.sonemo.cli;

/** Bad command-line arguments; the message says which. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
