package dev.slackmgr.manager.issue;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.Hashes;
import dev.slackmgr.common.alert.Webhook;

/**
 * Turns a dequeued alert into the manager-side alert: defaults (issue-lifecycle.md §2.1,
 * alert-schema.md §6.4), original channel/text, and move-mapping rerouting (§3.3).
 *
 * <p>Deviation (QUIRK C-59 fixed): the default correlation ID is computed <em>before</em> the move-mapping
 * lookup, so moved issues with generated IDs receive their alerts.
 */
public final class AlertIntake {
    private AlertIntake() {
    }

    /** Applies the defaults and records the original channel and text. */
    public static ManagedAlert prepare(Alert raw, ManagerSettings settings) {
        Alert.Builder b = raw.toBuilder();
        if (raw.correlationId().isEmpty()) {
            b.correlationId = Hashes.hc(raw.header(), raw.author(), raw.host(), raw.text(), raw.slackChannelId());
        }
        if (raw.severity().isEmpty()) {
            b.severity = settings.defaultAlertSeverity();
        }
        if (raw.username().isEmpty()) {
            b.username = settings.defaultPostUsername();
        }
        if (raw.iconEmoji().isEmpty()) {
            b.iconEmoji = settings.defaultPostIconEmoji();
        }
        if (raw.archivingDelaySeconds() <= 0) {
            b.archivingDelaySeconds = settings.defaultIssueArchivingDelaySeconds();
        }
        if (raw.webhooks() != null) {
            b.webhooks = raw.webhooks().stream().map(AlertIntake::defaultAccessLevel).toList();
        }
        return ManagedAlert.received(b.build());
    }

    /**
     * Reroutes the alert when a move mapping exists for its original channel and correlation ID; the
     * mapping may be null.
     */
    public static ManagedAlert route(ManagedAlert alert, MoveMapping mapping) {
        if (mapping == null || !mapping.correlationId().equals(alert.alert().correlationId())
                || !mapping.originalChannelId().equals(alert.originalSlackChannelId())) {
            return alert;
        }
        Alert.Builder b = alert.alert().toBuilder();
        b.slackChannelId = mapping.targetChannelId();
        return alert.withAlert(b.build());
    }

    /**
     * The in-lock re-check (issue-lifecycle.md §3.4 step 6): true when a mapping for the alert's original
     * channel and correlation ID points to a channel other than the one processing it (nack: {@code move_race}).
     */
    public static boolean misrouted(ManagedAlert alert, MoveMapping mapping) {
        return mapping != null && !mapping.targetChannelId().equals(alert.channelId());
    }

    /**
     * The API's ignore rule (issue-lifecycle.md §3.1): some trimmed, lower-cased, non-empty pattern of
     * {@code ignoreIfTextContains} occurs in the lower-cased, non-empty text. Deviation (QUIRK fixed): the
     * manager re-checks it, so alerts written straight into the queue are filtered too.
     */
    public static boolean ignored(Alert alert) {
        if (alert.text().isEmpty() || alert.ignoreIfTextContains() == null) {
            return false;
        }
        String text = alert.text().toLowerCase(java.util.Locale.ROOT);
        return alert.ignoreIfTextContains().stream().filter(java.util.Objects::nonNull)
                .map(p -> p.trim().toLowerCase(java.util.Locale.ROOT))
                .anyMatch(p -> !p.isEmpty() && text.contains(p));
    }

    private static Webhook defaultAccessLevel(Webhook w) {
        if (!w.accessLevel().isEmpty()) {
            return w;
        }
        return new Webhook(w.id(), w.url(), w.confirmationText(), w.buttonText(), w.buttonStyle(), "global_admins",
                w.displayMode(), w.payload(), w.plainTextInput(), w.checkboxInput(), w.skipConfirmationDialog());
    }
}
