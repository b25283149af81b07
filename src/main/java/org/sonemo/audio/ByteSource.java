package org.sonemo.audio;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Random-access bytes of one input (a file or an array), read by position so nothing is read twice. */
interface ByteSource extends Closeable {

    /** The name used in error messages. */
    String name();

    long size() throws IOException;

    /** Fills {@code dst} from {@code position}; fails if the input ends first. */
    void readFully(ByteBuffer dst, long position) throws IOException;

    /** Reads up to {@code dst.remaining()} bytes; returns the count, -1 at the end. */
    int read(ByteBuffer dst, long position) throws IOException;

    @Override
    default void close() throws IOException {
    }

    static ByteSource of(Path file) throws IOException {
        // opening a named pipe would block until someone writes to it; a device has no size
        if (java.nio.file.Files.exists(file) && !java.nio.file.Files.isRegularFile(file)) {
            String what = java.nio.file.Files.isDirectory(file) ? "a directory" : "not a regular file (a pipe, socket or device)";
            throw new AudioFormatException(file.toString(), what + ", not an audio file");
        }
        return new FileSource(file, FileChannel.open(file, StandardOpenOption.READ));
    }

    static ByteSource of(byte[] bytes, String name) {
        return new ArraySource(bytes, name);
    }

    /** The file path when the source is a file, else null (FFmpeg then reads through memory). */
    default Path path() {
        return null;
    }

    final class FileSource implements ByteSource {
        private final Path file;
        private final FileChannel channel;

        FileSource(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        @Override public String name() { return file.toString(); }
        @Override public Path path() { return file; }
        @Override public long size() throws IOException { return channel.size(); }

        @Override
        public void readFully(ByteBuffer dst, long position) throws IOException {
            while (dst.hasRemaining()) {
                int n = channel.read(dst, position);
                if (n < 0) throw new EOFException("end of file at byte " + position);
                position += n;
            }
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return channel.read(dst, position);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    final class ArraySource implements ByteSource {
        private final byte[] bytes;
        private final String name;

        ArraySource(byte[] bytes, String name) {
            this.bytes = bytes;
            this.name = name;
        }

        byte[] bytes() { return bytes; }
        @Override public String name() { return name; }
        @Override public long size() { return bytes.length; }

        @Override
        public void readFully(ByteBuffer dst, long position) throws IOException {
            if (position < 0 || position + dst.remaining() > bytes.length) {
                throw new EOFException("end of data at byte " + Math.min(Math.max(position, 0), bytes.length));
            }
            dst.put(bytes, (int) position, dst.remaining());
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            if (position >= bytes.length) return -1;
            int n = (int) Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, (int) position, n);
            return n;
        }
    }
}
