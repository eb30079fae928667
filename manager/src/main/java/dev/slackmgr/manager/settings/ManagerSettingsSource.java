package dev.slackmgr.manager.settings;

import dev.slackmgr.common.settings.WatchedFile;
import dev.slackmgr.manager.issue.ChannelEngine;
import dev.slackmgr.manager.issue.ManagerSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The manager settings in force and the issue engine built from them, hot-reloaded from the settings file
 * ({@code SLACKMGR_MANAGER_SETTINGS}, issue-lifecycle.md §17.1): a changed file that loads replaces both
 * atomically, so the next alert, cycle, reaction or command uses it; an invalid change is logged and the previous
 * settings stay. Start-up with an invalid file fails ({@link ManagerSettingsFile#load}).
 */
public final class ManagerSettingsSource implements AutoCloseable {
    private final WatchedFile<ManagerSettings> file;
    private final AtomicReference<ChannelEngine> engine;

    private ManagerSettingsSource(WatchedFile<ManagerSettings> file, ZoneId zone) {
        this.file = file;
        this.engine = new AtomicReference<>(new ChannelEngine(file.current(), zone));
        file.addListener(s -> engine.set(new ChannelEngine(s, zone)));
    }

    /** Loads {@code path} (blank: defaults, never reloaded); polls it every {@code pollInterval} once started. */
    public static ManagerSettingsSource load(String path, Duration pollInterval, ZoneId zone) {
        if (path == null || path.isBlank()) {
            return new ManagerSettingsSource(WatchedFile.fixed("manager settings", ManagerSettings.defaults()), zone);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("slackmgr.settings-file (SLACKMGR_MANAGER_SETTINGS): cannot read "
                    + path + ": " + e.getMessage(), e);
        }
        ManagerSettings initial = ManagerSettingsFile.parse(new String(content, StandardCharsets.UTF_8), path);
        return new ManagerSettingsSource(WatchedFile.of("manager settings", Path.of(path), pollInterval,
                text -> ManagerSettingsFile.parse(text, path), content, initial), zone);
    }

    /** The settings in force. */
    public ManagerSettings current() {
        return file.current();
    }

    /** The issue engine for the settings in force. */
    public ChannelEngine engine() {
        return engine.get();
    }

    /** Starts polling the file. */
    public void start() {
        file.start();
    }

    /** Checks the file once (what the poller does); true if new settings are in force. */
    public boolean reloadIfChanged() {
        return file.reloadIfChanged();
    }

    @Override
    public void close() {
        file.close();
    }
}
