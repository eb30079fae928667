package dev.slackmgr.common.alert;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.slackmgr.common.alert.AlertLimits.*;
import static dev.slackmgr.common.alert.GoText.utf8Length;

/**
 * Validates a cleaned alert and reports the first failure with the reference's message text
 * (alert-schema.md §5). Byte limits count UTF-8 bytes; pattern limits count code points.
 */
public final class AlertValidator {
    /** Channel ID or name: {@code ^[0-9a-zA-Z\-_]{1,80}$}. */
    public static final Pattern CHANNEL_PATTERN = Pattern.compile("[0-9a-zA-Z\\-_]{1,80}");
    private static final Pattern ICON_EMOJI_PATTERN = Pattern.compile(":[^:]{1,50}:");
    /** Go's {@code \s} is exactly {@code [\t\n\f\r ]}; Java's would also match {@code \x0B}. */
    private static final Pattern MENTION_PATTERN = Pattern.compile("<!here>|<!channel>|<@[^>\\t\\n\\f\\r ]{1,20}>");
    private static final List<String> BUTTON_STYLES = List.of("default", "primary", "danger");
    private static final List<String> ACCESS_LEVELS = List.of("global_admins", "channel_admins", "channel_members");
    private static final List<String> DISPLAY_MODES = List.of("always", "open_issue", "resolved_issue");
    private static final List<String> ESCALATION_SEVERITIES = List.of("panic", "error", "warning");
    private static final String SEVERITY_LIST = "panic, error, warning, resolved, info";

    private AlertValidator() {
    }

    /** The first validation failure of {@code a}, or empty when the alert is valid. */
    public static Optional<String> validate(Alert a) {
        return Optional.ofNullable(firstFailure(a));
    }

    private static String firstFailure(Alert a) {
        if (!a.slackChannelId().isEmpty()) {
            if (!CHANNEL_PATTERN.matcher(a.slackChannelId()).matches()) {
                return "slackChannelId '" + a.slackChannelId() + "' is not valid";
            }
        } else if (utf8Length(a.routeKey()) > MAX_ROUTE_KEY_LENGTH) {
            return "routeKey is too long, expected length <=" + MAX_ROUTE_KEY_LENGTH;
        }
        if (a.header().isEmpty() && a.text().isEmpty()) {
            return "header and text cannot both be empty";
        }
        if (!a.iconEmoji().isEmpty() && !ICON_EMOJI_PATTERN.matcher(a.iconEmoji()).matches()) {
            return "iconEmoji '" + a.iconEmoji() + "' is not valid";
        }
        if (!a.link().isEmpty() && GoUrl.parseRequestUri(a.link()).map(u -> u.scheme().isEmpty()).orElse(true)) {
            return "link is not a valid absolute URL";
        }
        if (Severity.fromWire(a.severity()).isEmpty()) {
            return "severity '" + a.severity() + "' is not valid, expected one of [" + SEVERITY_LIST + "]";
        }
        if (utf8Length(a.correlationId()) > MAX_CORRELATION_ID_LENGTH) {
            return "correlationId is too long, expected length <=" + MAX_CORRELATION_ID_LENGTH;
        }
        if (a.issueFollowUpEnabled()) {
            if (a.autoResolveSeconds() < MIN_AUTO_RESOLVE_SECONDS) {
                return "autoResolveSeconds " + a.autoResolveSeconds() + " is too low, expected value >="
                        + MIN_AUTO_RESOLVE_SECONDS;
            }
            if (a.autoResolveSeconds() > MAX_AUTO_RESOLVE_SECONDS) {
                return "autoResolveSeconds " + a.autoResolveSeconds() + " is too high, expected value <="
                        + MAX_AUTO_RESOLVE_SECONDS;
            }
        }
        if (a.fields() != null && a.fields().size() > MAX_FIELD_COUNT) {
            return "too many fields, expected <=" + MAX_FIELD_COUNT;
        }
        String failure = webhooksFailure(a.webhooks());
        if (failure == null) {
            failure = escalationFailure(a.escalation());
        }
        if (failure == null) {
            failure = ignoreTermsFailure(a.ignoreIfTextContains());
        }
        return failure;
    }

    private static String webhooksFailure(List<Webhook> webhooks) {
        if (webhooks == null) {
            return null;
        }
        if (webhooks.size() > MAX_WEBHOOK_COUNT) {
            return "too many webhooks, expected <=" + MAX_WEBHOOK_COUNT;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < webhooks.size(); i++) {
            String failure = webhookFailure("webhook[" + i + "]", webhooks.get(i), ids);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private static String webhookFailure(String p, Webhook w, Set<String> ids) {
        if (w == null) {
            return p + " is nil";
        }
        if (w.id().isEmpty()) {
            return p + ".id is required";
        }
        if (utf8Length(w.id()) > MAX_WEBHOOK_ID_LENGTH) {
            return p + ".id is too long, expected length <=" + MAX_WEBHOOK_ID_LENGTH;
        }
        if (!ids.add(w.id())) {
            return p + ".id must be unique";
        }
        if (w.url().isEmpty()) {
            return p + ".url is required";
        }
        if (utf8Length(w.url()) > MAX_WEBHOOK_URL_LENGTH) {
            return p + ".url is too long, expected length <=" + MAX_WEBHOOK_URL_LENGTH;
        }
        if (GoText.lower(w.url()).startsWith("http")) {
            boolean absolute = GoUrl.parseRequestUri(w.url())
                    .map(u -> !u.scheme().isEmpty() && !u.host().isEmpty()).orElse(false);
            if (!absolute) {
                return p + ".url is not a valid absolute URL";
            }
        } else if (!w.url().chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            return p + ".url contains invalid characters, expected printable ASCII";
        }
        if (w.buttonText().isEmpty()) {
            return p + ".buttonText is required";
        }
        if (utf8Length(w.buttonText()) > MAX_WEBHOOK_BUTTON_TEXT_LENGTH) {
            return p + ".buttonText is too long, expected length <=" + MAX_WEBHOOK_BUTTON_TEXT_LENGTH;
        }
        if (utf8Length(w.confirmationText()) > MAX_WEBHOOK_CONFIRMATION_TEXT_LENGTH) {
            return p + ".confirmationText is too long, expected length <=" + MAX_WEBHOOK_CONFIRMATION_TEXT_LENGTH;
        }
        String failure = oneOf(p + ".buttonStyle", w.buttonStyle(), BUTTON_STYLES);
        if (failure == null) {
            failure = oneOf(p + ".accessLevel", w.accessLevel(), ACCESS_LEVELS);
        }
        if (failure == null) {
            failure = oneOf(p + ".displayMode", w.displayMode(), DISPLAY_MODES);
        }
        if (failure != null) {
            return failure;
        }
        if (w.skipConfirmationDialog()) {
            if (w.buttonStyle().equals("danger")) {
                return p + ".skipConfirmationDialog cannot be used with buttonStyle 'danger'";
            }
            if (sizeOf(w.plainTextInput()) > 0 || sizeOf(w.checkboxInput()) > 0) {
                return p + ".skipConfirmationDialog cannot be used with plainTextInput or checkboxInput";
            }
        }
        if (w.payload() != null && w.payload().size() > MAX_WEBHOOK_PAYLOAD_COUNT) {
            return p + ".payload item count is too large, expected <=" + MAX_WEBHOOK_PAYLOAD_COUNT;
        }
        if (sizeOf(w.plainTextInput()) > MAX_WEBHOOK_PLAIN_TEXT_INPUT_COUNT) {
            return p + ".plainTextInput item count is too large, expected <=" + MAX_WEBHOOK_PLAIN_TEXT_INPUT_COUNT;
        }
        if (sizeOf(w.checkboxInput()) > MAX_WEBHOOK_CHECKBOX_INPUT_COUNT) {
            return p + ".checkboxInput item count is too large, expected <=" + MAX_WEBHOOK_CHECKBOX_INPUT_COUNT;
        }
        Set<String> inputIds = new HashSet<>();
        if (w.plainTextInput() != null) {
            for (int j = 0; j < w.plainTextInput().size(); j++) {
                failure = plainTextInputFailure(p + ".plainTextInput[" + j + "]", w.plainTextInput().get(j), inputIds);
                if (failure != null) {
                    return failure;
                }
            }
        }
        if (w.checkboxInput() != null) {
            for (int j = 0; j < w.checkboxInput().size(); j++) {
                failure = checkboxInputFailure(p + ".checkboxInput[" + j + "]", w.checkboxInput().get(j), inputIds);
                if (failure != null) {
                    return failure;
                }
            }
        }
        return null;
    }

    private static String plainTextInputFailure(String p, WebhookPlainTextInput in, Set<String> inputIds) {
        if (in == null) {
            return p + " is nil";
        }
        String failure = inputIdFailure(p, in.id(), inputIds);
        if (failure != null) {
            return failure;
        }
        if (utf8Length(in.description()) > MAX_WEBHOOK_INPUT_DESCRIPTION_LENGTH) {
            return p + ".description is too long, expected <=" + MAX_WEBHOOK_INPUT_DESCRIPTION_LENGTH;
        }
        if (in.minLength() < 0) {
            return p + ".minLength must be >=0";
        }
        if (in.minLength() > MAX_WEBHOOK_INPUT_TEXT_LENGTH) {
            return p + ".minLength must be <=" + MAX_WEBHOOK_INPUT_TEXT_LENGTH;
        }
        if (in.maxLength() < 0) {
            return p + ".maxLength must be >=0";
        }
        if (in.maxLength() > MAX_WEBHOOK_INPUT_TEXT_LENGTH) {
            return p + ".maxLength must be <=" + MAX_WEBHOOK_INPUT_TEXT_LENGTH;
        }
        if (in.maxLength() < in.minLength()) {
            return p + ".maxLength cannot be smaller than minLength";
        }
        if (utf8Length(in.initialValue()) > in.maxLength()) {
            return p + ".initialValue cannot be longer than maxLength";
        }
        return null;
    }

    private static String checkboxInputFailure(String p, WebhookCheckboxInput in, Set<String> inputIds) {
        if (in == null) {
            return p + " is nil";
        }
        String failure = inputIdFailure(p, in.id(), inputIds);
        if (failure != null) {
            return failure;
        }
        if (utf8Length(in.label()) > MAX_WEBHOOK_INPUT_LABEL_LENGTH) {
            return p + ".label is too long, expected <=" + MAX_WEBHOOK_INPUT_LABEL_LENGTH;
        }
        List<WebhookCheckboxOption> options = in.options();
        if (options == null) {
            return null;
        }
        if (options.size() > MAX_WEBHOOK_CHECKBOX_OPTION_COUNT) {
            return p + ".options item count is too large, expected <=" + MAX_WEBHOOK_CHECKBOX_OPTION_COUNT;
        }
        Set<String> values = new HashSet<>();
        for (int k = 0; k < options.size(); k++) {
            String o = p + ".options[" + k + "]";
            WebhookCheckboxOption option = options.get(k);
            if (option == null) {
                return o + " is nil";
            }
            if (option.value().isEmpty()) {
                return o + ".value is required";
            }
            if (utf8Length(option.value()) > MAX_CHECKBOX_OPTION_VALUE_LENGTH) {
                return o + ".value is too long, expected <=" + MAX_CHECKBOX_OPTION_VALUE_LENGTH;
            }
            if (!values.add(option.value())) {
                return o + ".value must be unique";
            }
            if (utf8Length(option.text()) > MAX_WEBHOOK_CHECKBOX_OPTION_TEXT_LENGTH) {
                return o + ".text is too long, expected <=" + MAX_WEBHOOK_CHECKBOX_OPTION_TEXT_LENGTH;
            }
        }
        return null;
    }

    private static String inputIdFailure(String p, String id, Set<String> inputIds) {
        if (id.isEmpty()) {
            return p + ".id is required";
        }
        if (!inputIds.add(id)) {
            return p + ".id must be unique among all inputs";
        }
        if (utf8Length(id) > MAX_WEBHOOK_INPUT_ID_LENGTH) {
            return p + ".id is too long, expected <=" + MAX_WEBHOOK_INPUT_ID_LENGTH;
        }
        return null;
    }

    private static String escalationFailure(List<Escalation> escalation) {
        if (escalation == null) {
            return null;
        }
        if (escalation.size() > MAX_ESCALATION_COUNT) {
            return "too many escalation points, expected <=" + MAX_ESCALATION_COUNT;
        }
        for (int i = 0; i < escalation.size(); i++) {
            String p = "escalation[" + i + "]";
            Escalation e = escalation.get(i);
            if (e == null) {
                return p + " is nil";
            }
            if (e.delaySeconds() < MIN_ESCALATION_DELAY_SECONDS) {
                return p + ".delaySeconds '" + e.delaySeconds() + "' is too low, expected value >="
                        + MIN_ESCALATION_DELAY_SECONDS;
            }
            if (i > 0 && escalation.get(i - 1) != null
                    && e.delaySeconds() - escalation.get(i - 1).delaySeconds() < MIN_ESCALATION_DELAY_DIFF_SECONDS) {
                return p + ".delaySeconds '" + e.delaySeconds()
                        + "' is too small compared to previous escalation, expected diff >="
                        + MIN_ESCALATION_DELAY_DIFF_SECONDS;
            }
            if (!ESCALATION_SEVERITIES.contains(e.severity())) {
                return p + ".severity '" + e.severity() + "' is not valid, expected one of [panic, error, warning]";
            }
            if (sizeOf(e.slackMentions()) > MAX_ESCALATION_SLACK_MENTION_COUNT) {
                return p + ".slackMentions item count is too large, expected <=" + MAX_ESCALATION_SLACK_MENTION_COUNT;
            }
            if (e.slackMentions() != null) {
                for (int j = 0; j < e.slackMentions().size(); j++) {
                    String mention = e.slackMentions().get(j);
                    if (mention == null || !MENTION_PATTERN.matcher(mention).matches()) {
                        return p + ".slackMentions[" + j + "] is not valid";
                    }
                }
            }
            if (!e.moveToChannel().isEmpty() && !CHANNEL_PATTERN.matcher(e.moveToChannel()).matches()) {
                return p + ".moveToChannel is not valid";
            }
        }
        return null;
    }

    private static String ignoreTermsFailure(List<String> terms) {
        if (terms == null) {
            return null;
        }
        if (terms.size() > MAX_IGNORE_IF_TEXT_CONTAINS_COUNT) {
            return "too many ignoreIfTextContains items, expected <=" + MAX_IGNORE_IF_TEXT_CONTAINS_COUNT;
        }
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) != null && utf8Length(terms.get(i)) > MAX_IGNORE_IF_TEXT_CONTAINS_LENGTH) {
                return "ignoreIfTextContains[" + i + "] is too long, expected length <="
                        + MAX_IGNORE_IF_TEXT_CONTAINS_LENGTH;
            }
        }
        return null;
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (value.isEmpty() || allowed.contains(value)) {
            return null;
        }
        return name + " '" + value + "' is not valid, expected empty or one of [" + String.join(", ", allowed) + "]";
    }

    private static int sizeOf(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
