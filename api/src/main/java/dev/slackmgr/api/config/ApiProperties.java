package dev.slackmgr.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Static configuration of the API service, bound from {@code slackmgr.*} (environment variables in
 * application.yaml). Invalid values fail the start-up with a message naming the key.
 *
 * @param encryptionKey        32 ASCII letters/digits, or empty (alerts with webhooks are then refused)
 * @param settingsFile         path of the YAML settings file (routing rules, rate limits, API keys); empty = none
 * @param settingsReloadInterval how often the settings file is checked for changes
 * @param maxBodySize          largest accepted request body (413 above)
 * @param errorReportChannelId channel that receives a report of every refused request; empty = off
 * @param queueKeyPrefix       prefix of the Redis queue keys
 * @param slack                Slack Web API access
 */
@ConfigurationProperties("slackmgr")
public record ApiProperties(String encryptionKey, String settingsFile, Duration settingsReloadInterval,
                            DataSize maxBodySize, String errorReportChannelId, String queueKeyPrefix, Slack slack) {

    private static final Pattern KEY = Pattern.compile("^[a-zA-Z0-9]{32}$");

    /** @param botToken {@code xoxb-…} token; @param apiUrl base URL of the Web API, ending in {@code /api/} */
    public record Slack(String botToken, String apiUrl) {
    }

    public ApiProperties {
        encryptionKey = encryptionKey == null ? "" : encryptionKey.trim();
        settingsFile = settingsFile == null ? "" : settingsFile.trim();
        settingsReloadInterval = settingsReloadInterval == null ? Duration.ofSeconds(10) : settingsReloadInterval;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        errorReportChannelId = errorReportChannelId == null ? "" : errorReportChannelId.trim();
        queueKeyPrefix = queueKeyPrefix == null || queueKeyPrefix.isBlank() ? "slack-manager:queue" : queueKeyPrefix;
        slack = slack == null ? new Slack("", "https://slack.com/api/") : slack;
        if (!encryptionKey.isEmpty() && !KEY.matcher(encryptionKey).matches()) {
            throw new IllegalArgumentException("slackmgr.encryption-key (SLACKMGR_ENCRYPTION_KEY): "
                    + "encryption key must be a 32 character alphanumeric string");
        }
        if (slack.botToken() == null || slack.botToken().isBlank()) {
            throw new IllegalArgumentException("slackmgr.slack.bot-token (SLACK_BOT_TOKEN): bot token is empty");
        }
        if (slack.apiUrl() == null || !slack.apiUrl().matches("^https?://.+")) {
            throw new IllegalArgumentException("slackmgr.slack.api-url (SLACK_API_URL): must be an http(s) URL, got '"
                    + slack.apiUrl() + "'");
        }
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("slackmgr.max-body-size: must be at least 1KB");
        }
    }

    /** The API base URL with a trailing slash, as the Slack SDK expects. */
    public String slackApiUrl() {
        return slack.apiUrl().endsWith("/") ? slack.apiUrl() : slack.apiUrl() + "/";
    }
}
