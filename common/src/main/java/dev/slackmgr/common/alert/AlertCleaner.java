package dev.slackmgr.common.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.slackmgr.common.alert.AlertLimits.*;
import static dev.slackmgr.common.alert.GoText.lower;
import static dev.slackmgr.common.alert.GoText.textTruncate;
import static dev.slackmgr.common.alert.GoText.trim;
import static dev.slackmgr.common.alert.GoText.truncate;
import static dev.slackmgr.common.alert.GoText.upper;

/**
 * Normalises an alert before validation, in the exact order of the reference (alert-schema.md §4,
 * types v0.6.1 behaviour). Pure function: returns a new alert, lists are copied (null elements kept).
 */
public final class AlertCleaner {
    private AlertCleaner() {
    }

    /** Cleans {@code a}; {@code now} replaces a timestamp older than {@link AlertLimits#MAX_TIMESTAMP_AGE}. */
    public static Alert clean(Alert a, Instant now) {
        Alert.Builder b = a.toBuilder();
        // the same test as Duration.between(timestamp, now) > MAX_TIMESTAMP_AGE, without Duration.between: for the
        // zero time (no timestamp sent, the usual case) it overflows in nanoseconds and throws and catches an
        // ArithmeticException inside the JDK – a stack trace per alert (docs/benchmarks.md, "Ingest profile")
        if (a.timestamp().toInstant().isBefore(now.minus(MAX_TIMESTAMP_AGE))) {
            b.timestamp = now.atOffset(ZoneOffset.UTC);
        }
        b.correlationId = trim(a.correlationId());
        b.type = lower(trim(a.type()));
        b.slackChannelId = upper(trim(a.slackChannelId()));
        b.routeKey = lower(trim(a.routeKey()));
        b.header = cleanHeader(a.header());
        b.headerWhenResolved = cleanHeader(a.headerWhenResolved());
        b.text = textTruncate(trim(a.text()), MAX_TEXT_LENGTH);
        b.textWhenResolved = textTruncate(trim(a.textWhenResolved()), MAX_TEXT_LENGTH);
        b.fallbackText = truncate(
                trim(withoutStatusPlaceholder(a.fallbackText())).replace('\n', ' '), MAX_FALLBACK_TEXT_LENGTH);
        b.username = truncate(trim(a.username()), MAX_USERNAME_LENGTH);
        b.author = truncate(trim(a.author()), MAX_AUTHOR_LENGTH);
        b.host = truncate(trim(a.host()), MAX_HOST_LENGTH);
        b.link = trim(a.link());
        b.footer = truncate(trim(a.footer()), MAX_FOOTER_LENGTH);
        b.iconEmoji = lower(trim(a.iconEmoji()));
        b.severity = cleanSeverity(a.severity());
        b.archivingDelaySeconds = Math.max(0, a.archivingDelaySeconds());
        b.notificationDelaySeconds = Math.max(0, a.notificationDelaySeconds());
        b.fields = mapNonNull(a.fields(), f -> new Field(
                truncate(trim(f.title()), MAX_FIELD_TITLE_LENGTH), truncate(trim(f.value()), MAX_FIELD_VALUE_LENGTH)));
        b.webhooks = mapNonNull(a.webhooks(), AlertCleaner::cleanWebhook);
        b.escalation = cleanEscalation(a.escalation());
        return b.build();
    }

    /** Severity normalisation: lower-cased and trimmed, {@code ""}/{@code critical} → error, recovery aliases → resolved. */
    public static String cleanSeverity(String severity) {
        String s = lower(trim(severity));
        return switch (s) {
            case "", "critical" -> Severity.ERROR.wire();
            case "resolve", "recovered", "recover" -> Severity.RESOLVED.wire();
            default -> s;
        };
    }

    /**
     * Removes {@code :status:} until none is left. The reference removes each occurrence once, so
     * {@code ":stat:status:us:"} kept a {@code :status:} formed by the removal (and a second cleaning
     * changed the alert again); found by {@code AlertFuzzTest}.
     */
    static String withoutStatusPlaceholder(String s) {
        String out = s;
        while (out.contains(STATUS_PLACEHOLDER)) {
            out = out.replace(STATUS_PLACEHOLDER, "");
        }
        return out;
    }

    private static String cleanHeader(String header) {
        return truncate(trim(header).replace('\n', ' '), MAX_HEADER_LENGTH);
    }

    private static Webhook cleanWebhook(Webhook w) {
        return new Webhook(trim(w.id()), trim(w.url()), trim(w.confirmationText()), trim(w.buttonText()),
                w.buttonStyle().isEmpty() ? DEFAULT_BUTTON_STYLE : w.buttonStyle(),
                w.accessLevel().isEmpty() ? DEFAULT_ACCESS_LEVEL : w.accessLevel(),
                w.displayMode(), w.payload(),
                mapNonNull(w.plainTextInput(), in -> new WebhookPlainTextInput(trim(in.id()), trim(in.description()),
                        in.minLength(), in.maxLength(), in.multiline(), trim(in.initialValue()))),
                mapNonNull(w.checkboxInput(), in -> new WebhookCheckboxInput(trim(in.id()), trim(in.label()),
                        in.options())),
                w.skipConfirmationDialog());
    }

    private static List<Escalation> cleanEscalation(List<Escalation> escalation) {
        if (escalation == null || escalation.isEmpty()) {
            return escalation;
        }
        List<Escalation> sorted = new ArrayList<>(escalation);
        sorted.sort(Comparator.nullsFirst(Comparator.comparingLong(Escalation::delaySeconds)));
        return mapNonNull(sorted, e -> new Escalation(lower(trim(e.severity())), e.delaySeconds(),
                mapNonNull(e.slackMentions(), GoText::trim), upper(trim(e.moveToChannel()))));
    }

    /** Applies {@code f} to every non-null element; null elements and a null list are kept as they are. */
    private static <T> List<T> mapNonNull(List<T> list, UnaryOperator<T> f) {
        if (list == null) {
            return null;
        }
        List<T> out = new ArrayList<>(list.size());
        for (T t : list) {
            out.add(t == null ? null : f.apply(t));
        }
        return Collections.unmodifiableList(out);
    }
}
