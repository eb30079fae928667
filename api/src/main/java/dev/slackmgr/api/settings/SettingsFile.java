package dev.slackmgr.api.settings;

import dev.slackmgr.common.settings.WatchedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The API settings file: loaded once at start (invalid → {@link InvalidSettingsException}, so start-up
 * fails) and hot-reloaded when its content changes ({@link WatchedFile}: a changed, valid file replaces the
 * settings atomically and notifies the listeners; an invalid new version is logged once and the previous settings
 * stay active; a deleted or unreadable file keeps the previous settings). Without a path ({@link #none()}) the
 * settings are {@link ApiSettings#defaults()} forever.
 */
public final class SettingsFile implements AutoCloseable {
    /** The reference example host polls every 10 s. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);
    private static final String LABEL = "API settings";

    private final WatchedFile<ApiSettings> file;

    private SettingsFile(WatchedFile<ApiSettings> file) {
        this.file = file;
    }

    /** No settings file configured: defaults, never reloaded. */
    public static SettingsFile none() {
        return new SettingsFile(WatchedFile.fixed(LABEL, ApiSettings.defaults()));
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
        return new SettingsFile(WatchedFile.of(LABEL, path, pollInterval, ApiSettingsParser::parse, content,
                settings));
    }

    /** The settings in force; each call may return a newer instance after a reload. */
    public ApiSettings current() {
        return file.current();
    }

    /** Called (on the polling thread) with the new settings after each successful reload. */
    public void addListener(Consumer<ApiSettings> listener) {
        file.addListener(listener);
    }

    /** Starts polling on a daemon thread; a no-op without a path or when already started. */
    public void start() {
        file.start();
    }

    /** Stops polling. */
    @Override
    public void close() {
        file.close();
    }

    /**
     * Checks the file once (what the poller does).
     *
     * @return true if new settings were installed
     */
    public boolean reloadIfChanged() {
        return file.reloadIfChanged();
    }
}
