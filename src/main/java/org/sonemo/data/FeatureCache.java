package org.sonemo.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Feature rows on disk, keyed by the SHA-256 of the audio file's bytes, the feature set, the
 * engine, the sample rate and the revision of the extraction (the engine's output version and
 * the input scaling): moving or renaming a file keeps its entry, changing a byte or the
 * extraction does not. Layout: {@code DIR/SET-ENGINE-RATE-REVISION/names.txt} (feature names,
 * one a line) and {@code DIR/SET-ENGINE-RATE-REVISION/HASH.f64} (little-endian: int32 count,
 * then doubles).
 * Writes go through a temporary file and an atomic rename, so concurrent writers are safe.
 */
public final class FeatureCache {
    private final Path dir;

    public FeatureCache(Path root, FeatureSource.FeatureInfo info, String revision) throws IOException {
        this.dir = root.resolve(info.set() + "-" + info.engine() + "-" + info.rate() + "-" + revision);
        Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** SHA-256 of a file's content, lower-case hex. */
    public static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached row for a file hash, if present and intact. */
    public Optional<double[]> get(String hash) throws IOException {
        Path f = dir.resolve(hash + ".f64");
        if (!Files.isRegularFile(f)) return Optional.empty();
        byte[] b = Files.readAllBytes(f);
        if (b.length < 4) return Optional.empty();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int n = bb.getInt();
        if (n < 0 || b.length != 4 + 8L * n) return Optional.empty();
        double[] v = new double[n];
        bb.asDoubleBuffer().get(v);
        return Optional.of(v);
    }

    public void put(String hash, double[] row) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(4 + 8 * row.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(row.length);
        bb.asDoubleBuffer().put(row);
        write(dir.resolve(hash + ".f64"), bb.array());
    }

    /** Feature names of this cache's set, if recorded. */
    public Optional<List<String>> names() throws IOException {
        Path f = dir.resolve("names.txt");
        return Files.isRegularFile(f) ? Optional.of(Files.readAllLines(f, StandardCharsets.UTF_8)) : Optional.empty();
    }

    public void putNames(List<String> names) throws IOException {
        write(dir.resolve("names.txt"), (String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
