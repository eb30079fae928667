package dev.slackmgr.common.alert;

import java.time.Duration;

/**
 * Limits and defaults of the alert schema (alert-schema.md §9). Truncation limits count code points,
 * validation limits count UTF-8 bytes unless stated otherwise.
 */
public final class AlertLimits {
    private AlertLimits() {
    }

    /** Timestamps older than this (including the zero time) are replaced by "now" during cleaning. */
    public static final Duration MAX_TIMESTAMP_AGE = Duration.ofDays(7);

    public static final int MAX_SLACK_CHANNEL_ID_LENGTH = 80;
    public static final int MAX_ROUTE_KEY_LENGTH = 1000;
    public static final int MAX_HEADER_LENGTH = 130;
    public static final int MAX_FALLBACK_TEXT_LENGTH = 150;
    public static final int MAX_TEXT_LENGTH = 10000;
    public static final int MAX_AUTHOR_LENGTH = 100;
    public static final int MAX_HOST_LENGTH = 100;
    public static final int MAX_FOOTER_LENGTH = 300;
    public static final int MAX_USERNAME_LENGTH = 100;
    public static final int MAX_FIELD_TITLE_LENGTH = 30;
    public static final int MAX_FIELD_VALUE_LENGTH = 200;
    public static final int MAX_ICON_EMOJI_LENGTH = 50;
    public static final int MAX_MENTION_LENGTH = 20;
    public static final int MAX_CORRELATION_ID_LENGTH = 500;
    public static final int MIN_AUTO_RESOLVE_SECONDS = 30;
    public static final int MAX_AUTO_RESOLVE_SECONDS = 63113851;
    public static final int MAX_IGNORE_IF_TEXT_CONTAINS_LENGTH = 1000;
    public static final int MAX_IGNORE_IF_TEXT_CONTAINS_COUNT = 20;
    public static final int MAX_FIELD_COUNT = 20;
    public static final int MAX_WEBHOOK_COUNT = 5;
    public static final int MAX_WEBHOOK_ID_LENGTH = 100;
    public static final int MAX_WEBHOOK_URL_LENGTH = 1000;
    public static final int MAX_WEBHOOK_BUTTON_TEXT_LENGTH = 25;
    public static final int MAX_WEBHOOK_CONFIRMATION_TEXT_LENGTH = 1000;
    public static final int MAX_WEBHOOK_PAYLOAD_COUNT = 50;
    public static final int MAX_WEBHOOK_PLAIN_TEXT_INPUT_COUNT = 10;
    public static final int MAX_WEBHOOK_CHECKBOX_INPUT_COUNT = 10;
    public static final int MAX_WEBHOOK_INPUT_ID_LENGTH = 200;
    public static final int MAX_WEBHOOK_INPUT_DESCRIPTION_LENGTH = 200;
    public static final int MAX_WEBHOOK_INPUT_LABEL_LENGTH = 200;
    public static final int MAX_WEBHOOK_INPUT_TEXT_LENGTH = 3000;
    public static final int MAX_WEBHOOK_CHECKBOX_OPTION_COUNT = 5;
    public static final int MAX_WEBHOOK_CHECKBOX_OPTION_TEXT_LENGTH = 50;
    public static final int MAX_CHECKBOX_OPTION_VALUE_LENGTH = 100;
    public static final int MAX_ESCALATION_COUNT = 3;
    public static final int MIN_ESCALATION_DELAY_SECONDS = 30;
    public static final int MIN_ESCALATION_DELAY_DIFF_SECONDS = 30;
    public static final int MAX_ESCALATION_SLACK_MENTION_COUNT = 10;
    /** Serialized webhook payload JSON limit before encryption (bytes). */
    public static final int MAX_SERIALIZED_WEBHOOK_PAYLOAD_BYTES = 2048;

    /** Webhook {@code buttonStyle} an empty value is cleaned to. */
    public static final String DEFAULT_BUTTON_STYLE = "default";
    /** Webhook {@code accessLevel} an empty value is cleaned to. */
    public static final String DEFAULT_ACCESS_LEVEL = "global_admins";
    /** Placeholder the manager replaces by the status emoji; removed from {@code fallbackText}. */
    public static final String STATUS_PLACEHOLDER = ":status:";
}
