package dev.slackmgr.common.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A settings file that is hot-reloaded when its content changes (the API's and the manager's settings).
 *
 * <p>{@link #start()} polls the file's SHA-256 content hash every {@code pollInterval}. A changed file that parses
 * replaces the value atomically and notifies the listeners; one that does not parse is logged once and the
 * previous value stays in force; a deleted or unreadable file keeps the previous value. Without a path
 * ({@link #fixed}) the value never changes.
 *
 * @param <T> the parsed settings
 */
public final class WatchedFile<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchedFile.class);

    /** Turns the file's text into settings; throws (with a message naming the problem) when it is invalid. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text) throws Exception;
    }

    private final String label;
    private final Path path;
    private final Duration pollInterval;
    private final Parser<T> parser;
    private final AtomicReference<T> current;
    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private final Object pollLock = new Object();
    private byte[] lastSeenHash;
    private ScheduledExecutorService poller;

    private WatchedFile(String label, Path path, Duration pollInterval, Parser<T> parser, T initial, byte[] hash) {
        this.label = label;
        this.path = path;
        this.pollInterval = pollInterval;
        this.parser = parser;
        this.current = new AtomicReference<>(initial);
        this.lastSeenHash = hash;
    }

    /** No file: {@code value} forever. */
    public static <T> WatchedFile<T> fixed(String label, T value) {
        return new WatchedFile<>(label, null, Duration.ofSeconds(10), null, value, null);
    }

    /**
     * Watches {@code path}, whose content {@code initialContent} the caller has already parsed into
     * {@code initialValue} (so that the caller reports start-up errors its own way).
     *
     * @param label for log lines, e.g. "API settings"
     */
    public static <T> WatchedFile<T> of(String label, Path path, Duration pollInterval, Parser<T> parser,
                                        byte[] initialContent, T initialValue) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive");
        }
        return new WatchedFile<>(label, path, pollInterval, parser, initialValue, sha256(initialContent));
    }

    /** The value in force; each call may return a newer instance after a reload. */
    public T current() {
        return current.get();
    }

    /** Called (on the polling thread) with the new value after each successful reload. */
    public void addListener(Consumer<T> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Starts polling on a daemon thread; a no-op without a path or when already started. */
    public synchronized void start() {
        if (path == null || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-reload");
            t.setDaemon(true);
            return t;
        });
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops polling. */
    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private void pollQuietly() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.error("Unexpected error while reloading {} from {}", label, path, e);
        }
    }

    /**
     * Checks the file once (what the poller does).
     *
     * @return true if a new value was installed
     */
    public boolean reloadIfChanged() {
        if (path == null) {
            return false;
        }
        synchronized (pollLock) {
            byte[] content;
            try {
                content = Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                if (lastSeenHash != null) {
                    LOG.warn("{} file {} was deleted; keeping the current settings", label, path);
                    lastSeenHash = null;
                }
                return false;
            } catch (IOException e) {
                LOG.warn("Cannot read {} file {}; keeping the current settings: {}", label, path, e.toString());
                return false;
            }
            byte[] hash = sha256(content);
            if (Arrays.equals(hash, lastSeenHash)) {
                return false;
            }
            lastSeenHash = hash;
            T next;
            try {
                next = parser.parse(new String(content, StandardCharsets.UTF_8));
            } catch (Exception e) {
                LOG.error("Ignoring invalid {} file {}; keeping the current settings: {}", label, path,
                        e.getMessage());
                return false;
            }
            current.set(next);
            LOG.info("Reloaded {} from {}", label, path);
            for (Consumer<T> listener : listeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    LOG.error("{} listener failed", label, e);
                }
            }
            return true;
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
