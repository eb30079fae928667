package dev.slackmgr.common.alert;

/** Identifiers derived from an alert by hashing (alert-schema.md §6). */
public final class AlertIds {
    private AlertIds() {
    }

    /**
     * The queue de-duplication id: H0("alert", slackChannelId, routeKey, correlationId, UTC RFC3339Nano
     * timestamp, header, text) over the cleaned values.
     */
    public static String uniqueId(Alert a) {
        return Hashes.h0("alert", a.slackChannelId(), a.routeKey(), a.correlationId(),
                GoTime.formatRfc3339NanoUtc(a.timestamp()), a.header(), a.text());
    }

    /**
     * The correlation id the manager assigns to an alert queued without one:
     * Hc(header, author, host, text, slackChannelId).
     */
    public static String derivedCorrelationId(Alert a) {
        return Hashes.hc(a.header(), a.author(), a.host(), a.text(), a.slackChannelId());
    }
}
