package dev.slackmgr.common.alert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One alert as it travels on the wire and through the queue (alert-schema.md §2, §8).
 *
 * <p>Every field is optional on the wire; {@code null} strings become {@code ""} (Go zero values).
 * Lists and maps stay {@code null} when absent, as Go serialises them.
 */
@JsonPropertyOrder({"timestamp", "correlationId", "type", "header", "headerWhenResolved", "text",
        "textWhenResolved", "fallbackText", "author", "host", "footer", "link", "issueFollowUpEnabled",
        "autoResolveSeconds", "autoResolveAsInconclusive", "severity", "slackChannelId", "routeKey",
        "username", "iconEmoji", "fields", "notificationDelaySeconds", "archivingDelaySeconds",
        "escalation", "ignoreIfTextContains", "webhooks", "metadata", "failOnRateLimitError"})
public record Alert(
        OffsetDateTime timestamp,
        String correlationId,
        String type,
        String header,
        String headerWhenResolved,
        String text,
        String textWhenResolved,
        String fallbackText,
        String author,
        String host,
        String footer,
        String link,
        boolean issueFollowUpEnabled,
        long autoResolveSeconds,
        boolean autoResolveAsInconclusive,
        String severity,
        String slackChannelId,
        String routeKey,
        String username,
        String iconEmoji,
        List<Field> fields,
        long notificationDelaySeconds,
        long archivingDelaySeconds,
        List<Escalation> escalation,
        List<String> ignoreIfTextContains,
        List<Webhook> webhooks,
        Map<String, Object> metadata,
        boolean failOnRateLimitError) {

    /** Go's zero time, what an absent or null timestamp decodes to. */
    public static final OffsetDateTime ZERO_TIME = OffsetDateTime.parse("0001-01-01T00:00:00Z");

    public Alert {
        timestamp = timestamp == null ? ZERO_TIME : timestamp;
        correlationId = nz(correlationId);
        type = nz(type);
        header = nz(header);
        headerWhenResolved = nz(headerWhenResolved);
        text = nz(text);
        textWhenResolved = nz(textWhenResolved);
        fallbackText = nz(fallbackText);
        author = nz(author);
        host = nz(host);
        footer = nz(footer);
        link = nz(link);
        severity = nz(severity);
        slackChannelId = nz(slackChannelId);
        routeKey = nz(routeKey);
        username = nz(username);
        iconEmoji = nz(iconEmoji);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A builder pre-filled with this alert's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(null);
    }

    /** Mutable copy helper: cleaning and mapping change a handful of the 28 fields. */
    public static final class Builder {
        public OffsetDateTime timestamp;
        public String correlationId, type, header, headerWhenResolved, text, textWhenResolved, fallbackText,
                author, host, footer, link, severity, slackChannelId, routeKey, username, iconEmoji;
        public boolean issueFollowUpEnabled, autoResolveAsInconclusive, failOnRateLimitError;
        public long autoResolveSeconds, notificationDelaySeconds, archivingDelaySeconds;
        public List<Field> fields;
        public List<Escalation> escalation;
        public List<String> ignoreIfTextContains;
        public List<Webhook> webhooks;
        public Map<String, Object> metadata;

        private Builder(Alert a) {
            if (a == null) {
                return;
            }
            timestamp = a.timestamp;
            correlationId = a.correlationId;
            type = a.type;
            header = a.header;
            headerWhenResolved = a.headerWhenResolved;
            text = a.text;
            textWhenResolved = a.textWhenResolved;
            fallbackText = a.fallbackText;
            author = a.author;
            host = a.host;
            footer = a.footer;
            link = a.link;
            issueFollowUpEnabled = a.issueFollowUpEnabled;
            autoResolveSeconds = a.autoResolveSeconds;
            autoResolveAsInconclusive = a.autoResolveAsInconclusive;
            severity = a.severity;
            slackChannelId = a.slackChannelId;
            routeKey = a.routeKey;
            username = a.username;
            iconEmoji = a.iconEmoji;
            fields = a.fields;
            notificationDelaySeconds = a.notificationDelaySeconds;
            archivingDelaySeconds = a.archivingDelaySeconds;
            escalation = a.escalation;
            ignoreIfTextContains = a.ignoreIfTextContains;
            webhooks = a.webhooks;
            metadata = a.metadata;
            failOnRateLimitError = a.failOnRateLimitError;
        }

        public Alert build() {
            return new Alert(timestamp, correlationId, type, header, headerWhenResolved, text, textWhenResolved,
                    fallbackText, author, host, footer, link, issueFollowUpEnabled, autoResolveSeconds,
                    autoResolveAsInconclusive, severity, slackChannelId, routeKey, username, iconEmoji, fields,
                    notificationDelaySeconds, archivingDelaySeconds, escalation, ignoreIfTextContains, webhooks,
                    metadata, failOnRateLimitError);
        }
    }
}
