package dev.slackmgr.manager.slack.interactive;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Socket Mode settings ({@code slackmgr.socket-mode.*}).
 *
 * @param appToken     app-level token ({@code xapp-…}, scope {@code connections:write}); empty = Socket Mode off
 * @param slashCommand the slash command's name as in the app manifest (default {@code /slackmgr})
 * @param dedupeTtl    how long a Slack event ID is remembered to apply it once (default 1 h)
 * @param concurrency  envelopes handled at the same time (default 10)
 */
@ConfigurationProperties("slackmgr.socket-mode")
public record SocketModeSettings(String appToken, String slashCommand, Duration dedupeTtl, Integer concurrency) {

    public SocketModeSettings {
        appToken = appToken == null ? "" : appToken.trim();
        slashCommand = slashCommand == null || slashCommand.isBlank() ? "/slackmgr"
                : slashCommand.startsWith("/") ? slashCommand.trim() : "/" + slashCommand.trim();
        dedupeTtl = dedupeTtl == null || dedupeTtl.isZero() || dedupeTtl.isNegative() ? Duration.ofHours(1) : dedupeTtl;
        concurrency = concurrency == null || concurrency <= 0 ? 10 : concurrency;
    }

    public boolean enabled() {
        return !appToken.isEmpty();
    }
}
