package dev.slackmgr.api.settings;

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
 * The API settings file: loaded once at start (invalid → {@link InvalidSettingsException}, so start-up
 * fails) and hot-reloaded when its content changes.
 *
 * <p>{@link #start()} polls the file's SHA-256 content hash every {@code pollInterval}. A changed,
 * valid file replaces the settings atomically and notifies the listeners; an invalid new version is
 * logged once and the previous settings stay active; a deleted or unreadable file keeps the previous
 * settings. Without a path ({@link #none()}) the settings are {@link ApiSettings#defaults()} forever.
 */
public final class SettingsFile implements AutoCloseable {
    /** The reference example host polls every 10 s. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);

    private final Path path;
    private final Duration pollInterval;
    private final AtomicReference<ApiSettings> current;
    private final List<Consumer<ApiSettings>> listeners = new CopyOnWriteArrayList<>();
    private final Object pollLock = new Object();
    private byte[] lastSeenHash;
    private ScheduledExecutorService poller;

    private SettingsFile(Path path, Duration pollInterval, ApiSettings initial, byte[] hash) {
        this.path = path;
        this.pollInterval = pollInterval;
        this.current = new AtomicReference<>(initial);
        this.lastSeenHash = hash;
    }

    /** No settings file configured: defaults, never reloaded. */
    public static SettingsFile none() {
        return new SettingsFile(null, DEFAULT_POLL_INTERVAL, ApiSettings.defaults(), null);
    }

    /**
     * Reads and validates the file now.
     *
     * @param path         the settings file; {@code null} is the same as {@link #none()}
     * @param pollInterval how often {@link #start()} checks the file for changes
     * @throws InvalidSettingsException if the file cannot be read or is invalid (message names the key)
     */
    public static SettingsFile load(Path path, Duration pollInterval) throws InvalidSettingsException {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive");
        }
        if (path == null) {
            return none();
        }
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InvalidSettingsException("cannot read settings file " + path + ": " + e, e);
        }
        ApiSettings settings;
        try {
            settings = ApiSettingsParser.parse(new String(content, StandardCharsets.UTF_8));
        } catch (InvalidSettingsException e) {
            throw new InvalidSettingsException("invalid settings file " + path + ": " + e.getMessage(), e);
        }
        return new SettingsFile(path, pollInterval, settings, sha256(content));
    }

    /** The settings in force; each call may return a newer instance after a reload. */
    public ApiSettings current() {
        return current.get();
    }

    /** Called (on the polling thread) with the new settings after each successful reload. */
    public void addListener(Consumer<ApiSettings> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Starts polling on a daemon thread; a no-op without a path or when already started. */
    public synchronized void start() {
        if (path == null || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "api-settings-reload");
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
            LOG.error("Unexpected error while reloading API settings from {}", path, e);
        }
    }

    /**
     * Checks the file once (what the poller does).
     *
     * @return true if new settings were installed
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
                    LOG.warn("API settings file {} was deleted; keeping the current settings", path);
                    lastSeenHash = null;
                }
                return false;
            } catch (IOException e) {
                LOG.warn("Cannot read API settings file {}; keeping the current settings: {}", path, e.toString());
                return false;
            }
            byte[] hash = sha256(content);
            if (Arrays.equals(hash, lastSeenHash)) {
                return false;
            }
            lastSeenHash = hash;
            ApiSettings next;
            try {
                next = ApiSettingsParser.parse(new String(content, StandardCharsets.UTF_8));
            } catch (InvalidSettingsException e) {
                LOG.error("Ignoring invalid API settings file {}; keeping the current settings: {}", path,
                        e.getMessage());
                return false;
            }
            current.set(next);
            LOG.info("Reloaded API settings from {}", path);
            for (Consumer<ApiSettings> listener : listeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    LOG.error("API settings listener failed", e);
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
