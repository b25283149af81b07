package org.sonemo.features;

import org.sonemo.audio.AudioBuffer;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Parallel bulk extraction: N worker threads, each with its own {@link Extractor} (native
 * instances are not shared across threads), kept for the pool's lifetime so instances are
 * reused across inputs. Outcomes reach the caller in input order; one failing input does not
 * stop the others.
 */
public final class ExtractorPool implements AutoCloseable {

    /** Loads one input's audio (decoding happens on the worker thread too). */
    @FunctionalInterface
    public interface AudioLoader<T> {
        AudioBuffer load(T input) throws Exception;
    }

    /**
     * The result for one input: its tables (one, or one per channel) or the error that stopped it.
     */
    public record Outcome<T>(T input, List<FeatureTable> tables, Exception error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final ExtractorSpec spec;
    private final int threads;
    private final ExecutorService executor;
    private final ThreadLocal<Extractor> local;
    private final ConcurrentLinkedQueue<Extractor> opened = new ConcurrentLinkedQueue<>();

    public ExtractorPool(ExtractorSpec spec, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1: " + threads);
        this.spec = Objects.requireNonNull(spec, "spec");
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sonemo-extract-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.local = ThreadLocal.withInitial(() -> {
            Extractor e = Extractor.open(spec);
            opened.add(e);
            return e;
        });
    }

    public ExtractorSpec spec() {
        return spec;
    }

    /**
     * The names of the features every table will have. Asked of a worker's own extractor (which
     * that worker then keeps using), so no extractor is opened just to learn the names.
     */
    public List<String> featureNames() {
        try {
            return executor.submit(() -> local.get().featureNames()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException("interrupted", e);
        } catch (ExecutionException e) {
            // the extractor's own exception (a missing library, say), as if opened on this thread
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new ExtractionException("worker failed", e.getCause());
        }
    }

    /**
     * Extracts every input and hands each outcome to {@code consumer} on the calling thread, in
     * input order. At most a few inputs per thread are in flight, so memory stays bounded.
     */
    public <T> void extractAll(List<T> inputs, AudioLoader<T> loader, boolean perChannel, Consumer<Outcome<T>> consumer) {
        int window = threads * 4;
        ArrayDeque<Future<Outcome<T>>> inFlight = new ArrayDeque<>();
        int next = 0;
        while (next < inputs.size() || !inFlight.isEmpty()) {
            while (next < inputs.size() && inFlight.size() < window) {
                T input = inputs.get(next++);
                inFlight.add(executor.submit(() -> extractOne(input, loader, perChannel)));
            }
            consumer.accept(await(inFlight.poll()));
        }
    }

    private <T> Outcome<T> extractOne(T input, AudioLoader<T> loader, boolean perChannel) {
        try {
            AudioBuffer audio = loader.load(input);
            Extractor e = local.get();
            List<FeatureTable> tables = perChannel ? e.extractPerChannel(audio) : List.of(e.extract(audio));
            return new Outcome<>(input, tables, null);
        } catch (Exception ex) {
            return new Outcome<>(input, List.of(), ex);
        } catch (OutOfMemoryError oom) {
            return new Outcome<>(input, List.of(), new ExtractionException("out of memory", oom));
        }
    }

    private static <T> Outcome<T> await(Future<Outcome<T>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException("interrupted", e);
        } catch (ExecutionException e) {
            throw new ExtractionException("worker failed", e.getCause()); // extractOne catches input errors
        }
    }

    /** Stops the workers and closes every extractor they opened. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Extractor e;
        while ((e = opened.poll()) != null) e.close();
    }
}
