package dev.slackmgr.manager.slack.interactive;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.block.element.ConversationsSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.slackmgr.common.alert.Webhook;
import dev.slackmgr.common.alert.WebhookCheckboxInput;
import dev.slackmgr.common.alert.WebhookCheckboxOption;
import dev.slackmgr.common.alert.WebhookPlainTextInput;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueView;
import dev.slackmgr.manager.issue.Times;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modals (slack-interactions.md §5, §6.3): their callback IDs, block IDs and content. Pure: no Slack calls.
 */
public final class Modals {
    /** Global shortcut: create issue. */
    public static final String CREATE_SHORTCUT = "issue_create";
    /** Message shortcut (ours): create an issue from a message, prefilled with it. */
    public static final String CREATE_FROM_MESSAGE_SHORTCUT = "issue_create_from_message";
    public static final String CREATE_MODAL = "issue_create_modal";
    public static final String MOVE_SHORTCUT = "issue_move";
    public static final String MOVE_MODAL = "issue_move_modal";
    public static final String DETAILS_SHORTCUT = "view_issue_details";
    public static final String DETAILS_MODAL = "view_issue_details_modal";
    public static final String CONFIRM_WEBHOOK_MODAL = "confirm_webhook_modal";
    public static final String WEBHOOK_ACTION_PREFIX = "webhook_action";
    public static final String OPTION_ACTION_PREFIX = "option_button_action";

    static final String SELECT_CHANNEL = "select_channel";
    static final String SELECT_CHANNEL_INPUT = "select_channel_input";
    static final String SEVERITY = "issue_severity";
    static final String FOLLOW_UP = "issue_follow_up_enabled";
    static final String AUTO_RESOLVE = "issue_auto_resolve";
    static final String HEADER = "issue_header";
    static final String TEXT = "issue_text";
    static final String EMOJI = "issue_emoji";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DETAILS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Modals() {
    }

    // ---- create issue (§5.1)

    /** The create-issue modal; {@code channelId} and {@code text} prefill it (empty: none). */
    static View createIssue(String appName, String channelId, String text) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section("Create an issue managed by *" + appName + "*, as if an alert had arrived."));
        ConversationsSelectElement.ConversationsSelectElementBuilder select = ConversationsSelectElement.builder()
                .actionId(SELECT_CHANNEL_INPUT).filter(channelFilter()).focusOnLoad(channelId.isEmpty());
        if (!channelId.isEmpty()) {
            select.initialConversation(channelId);
        }
        blocks.add(input(SELECT_CHANNEL, "Channel", select.build(), false));
        List<OptionObject> severities = List.of(option("Info", "info"), option("Warning", "warning"),
                option("Error", "error"), option("Panic", "panic"));
        blocks.add(input(SEVERITY, "Severity", StaticSelectElement.builder().actionId(SEVERITY + "_input")
                .options(severities).initialOption(severities.get(1)).build(), false));
        OptionObject enabled = option("Follow up: keep one post, update and resolve it", "enabled");
        blocks.add(input(FOLLOW_UP, "Follow-up", CheckboxesElement.builder().actionId(FOLLOW_UP + "_input")
                .options(List.of(enabled)).initialOptions(List.of(enabled)).build(), true));
        blocks.add(input(AUTO_RESOLVE, "Auto resolve after (hours, 0 = never)", PlainTextInputElement.builder()
                .actionId(AUTO_RESOLVE + "_input").maxLength(4).initialValue("24").build(), true));
        blocks.add(input(HEADER, "Header (:status: shows the status emoji)", PlainTextInputElement.builder()
                .actionId(HEADER + "_input").maxLength(100).build(), true));
        PlainTextInputElement.PlainTextInputElementBuilder textInput = PlainTextInputElement.builder()
                .actionId(TEXT + "_input").multiline(true).maxLength(1000);
        if (!text.isEmpty()) {
            textInput.initialValue(text.length() > 1000 ? text.substring(0, 1000) : text);
        }
        blocks.add(input(TEXT, "Text", textInput.build(), true));
        blocks.add(input(EMOJI, "Icon emoji", PlainTextInputElement.builder().actionId(EMOJI + "_input")
                .initialValue(":male-police-officer:").build(), true));
        return modal(CREATE_MODAL, "Create issue", "Create", "Cancel", blocks, "");
    }

    // ---- move issue (§5.2)

    static View moveIssue(String appName, String channelId, String ts) {
        List<LayoutBlock> blocks = List.of(
                section("Move this issue to another channel managed by *" + appName + "*. Its post there replaces "
                        + "the one here; later alerts of the issue follow it."),
                input(SELECT_CHANNEL, "Move to", ConversationsSelectElement.builder().actionId(SELECT_CHANNEL_INPUT)
                        .filter(channelFilter()).focusOnLoad(true).build(), false));
        return modal(MOVE_MODAL, "Move issue", "Move", "Cancel", blocks,
                metadata(Map.of("channelId", channelId, "messageTs", ts)));
    }

    // ---- webhook confirmation (§6.3 step 7)

    static View confirmWebhook(Webhook webhook, String channelId, String ts) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(webhook.confirmationText().isEmpty()
                ? SectionBlock.builder().text(plain("Please confirm that you want to send this request.")).build()
                : section(webhook.confirmationText()));
        if (webhook.plainTextInput() != null) {
            for (WebhookPlainTextInput in : webhook.plainTextInput()) {
                PlainTextInputElement.PlainTextInputElementBuilder e = PlainTextInputElement.builder()
                        .actionId(in.id()).multiline(in.multiline());
                if (in.minLength() > 0) {
                    e.minLength((int) in.minLength());
                }
                if (in.maxLength() > 0) {
                    e.maxLength((int) in.maxLength());
                }
                if (!in.initialValue().isEmpty()) {
                    e.initialValue(in.initialValue());
                }
                blocks.add(input(in.id(), in.description().isEmpty() ? in.id() : in.description(), e.build(),
                        false));
            }
        }
        if (webhook.checkboxInput() != null) {
            for (WebhookCheckboxInput in : webhook.checkboxInput()) {
                List<OptionObject> options = new ArrayList<>();
                List<OptionObject> selected = new ArrayList<>();
                for (WebhookCheckboxOption o : in.options() == null ? List.<WebhookCheckboxOption>of()
                        : in.options()) {
                    OptionObject opt = option(o.text().isEmpty() ? o.value() : o.text(), o.value());
                    options.add(opt);
                    if (o.selected()) {
                        selected.add(opt);
                    }
                }
                CheckboxesElement.CheckboxesElementBuilder e = CheckboxesElement.builder().actionId(in.id())
                        .options(options);
                if (!selected.isEmpty()) {
                    e.initialOptions(selected);
                }
                blocks.add(input(in.id(), in.label().isEmpty() ? in.id() : in.label(), e.build(), true));
            }
        }
        return modal(CONFIRM_WEBHOOK_MODAL, "Confirm webhook", "Send", "Cancel", blocks,
                metadata(Map.of("channelId", channelId, "messageTs", ts, "webhookId", webhook.id())));
    }

    // ---- issue details (§5.3)

    static View issueDetails(Issue issue, Instant now, ZoneId zone) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Map.Entry<String, String> e : detailFields(issue, now, zone).entrySet()) {
            blocks.add(section("*" + e.getKey() + ":* `" + e.getValue().replace("`", "'") + "`"));
        }
        return View.builder().type("modal").callbackId(DETAILS_MODAL)
                .title(ViewTitle.builder().type("plain_text").text("Issue details").build())
                .close(ViewClose.builder().type("plain_text").text("Close").build())
                .blocks(blocks).build();
    }

    /** The fields of the details modal, in order (label → value). */
    static Map<String, String> detailFields(Issue i, Instant now, ZoneId zone) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Correlation ID", i.correlationId());
        f.put("Database ID", i.id());
        f.put("Slack Post ID", i.slackPostId().isEmpty() ? "-" : i.slackPostId());
        f.put("Created", time(i.created(), now, zone));
        f.put("Last updated", time(i.lastAlertReceived(), now, zone));
        f.put("Alerts", Integer.toString(i.alertCount()));
        f.put("Status", i.lastAlert().alert().severity());
        f.put("Auto resolve", i.autoResolvePeriod() > 0
                ? "true (" + duration(Duration.ofNanos(i.autoResolvePeriod())) + " after last alert)" : "false");
        f.put("Auto resolve as inconclusive", Boolean.toString(i.lastAlert().alert().autoResolveAsInconclusive()));
        f.put("Resolved", IssueView.isResolved(i, now) ? "true (" + time(i.resolveTime(), now, zone) + ")" : "false");
        f.put("Archived", Boolean.toString(i.archived()));
        f.put("Archive delay", duration(Duration.ofNanos(i.archiveDelay())));
        f.put("Archive time", Times.isZero(i.archiveTime()) ? "-"
                : i.archiveTime().atZone(zone).toOffsetDateTime().withNano(0).toString());
        f.put("Current channel", channel(i.lastAlert().channelId(), i.lastAlert().slackChannelName()));
        f.put("Original channel", i.lastAlert().originalSlackChannelId());
        f.put("Route key", i.lastAlert().alert().routeKey().isEmpty() ? "-" : i.lastAlert().alert().routeKey());
        f.put("Escalated", Boolean.toString(i.isEscalated()));
        f.put("Moved", Boolean.toString(i.isMoved()));
        f.put("Reason", !i.isMoved() ? "-" : dev.slackmgr.manager.issue.MoveMapping.USER_COMMAND.equals(i.moveReason())
                ? "User command (" + i.movedByUser() + ")" : "Escalation");
        return f;
    }

    private static String channel(String id, String name) {
        return name.isEmpty() ? id : id + " (#" + name + ")";
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} in {@code zone} with a relative suffix (§5.3). */
    static String time(Instant t, Instant now, ZoneId zone) {
        if (Times.isZero(t)) {
            return "-";
        }
        Duration ago = Duration.between(t, now);
        String rel;
        if (ago.compareTo(Duration.ofHours(48)) > 0) {
            rel = ago.toDays() + " days ago";
        } else if (ago.compareTo(Duration.ofHours(1)) > 0) {
            rel = ago.toHours() + " hours ago";
        } else if (ago.compareTo(Duration.ofMinutes(1)) > 0) {
            rel = ago.toMinutes() + " minutes ago";
        } else if (ago.compareTo(Duration.ofSeconds(5)) > 0) {
            rel = ago.toSeconds() + " seconds ago";
        } else {
            rel = "just now";
        }
        return DETAILS_TIME.format(t.atZone(zone)) + " (" + rel + ")";
    }

    /** Durations as the reference writes them (§5.3; 90 min → "1 hours"). */
    static String duration(Duration d) {
        if (d.compareTo(Duration.ofHours(48)) > 0) {
            return d.toDays() + " days";
        }
        if (d.compareTo(Duration.ofHours(1)) > 0) {
            return d.toHours() + " hours";
        }
        if (d.equals(Duration.ofHours(1))) {
            return "1 hour";
        }
        if (d.compareTo(Duration.ofMinutes(1)) > 0) {
            return d.toMinutes() + " minutes";
        }
        if (d.equals(Duration.ofMinutes(1))) {
            return "1 minute";
        }
        return d.toSeconds() + " seconds";
    }

    // ---- private metadata

    /** {@code {"values":{…}}}, as the reference stores it. */
    static String metadata(Map<String, String> values) {
        return JSON.writeValueAsString(Map.of("values", values));
    }

    /** The values of a modal's private metadata (empty when there are none). */
    static Map<String, String> metadataValues(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            JsonNode values = JSON.readTree(json).path("values");
            values.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        } catch (JacksonException e) {
            return out;
        }
        return out;
    }

    // ---- building blocks

    private static View modal(String callbackId, String title, String submit, String close, List<LayoutBlock> blocks,
                              String privateMetadata) {
        View.ViewBuilder b = View.builder().type("modal").callbackId(callbackId).clearOnClose(true)
                .title(ViewTitle.builder().type("plain_text").text(title).build())
                .submit(ViewSubmit.builder().type("plain_text").text(submit).build())
                .close(ViewClose.builder().type("plain_text").text(close).build())
                .blocks(blocks);
        if (!privateMetadata.isEmpty()) {
            b.privateMetadata(privateMetadata);
        }
        return b.build();
    }

    private static ConversationsFilter channelFilter() {
        return ConversationsFilter.builder().include(List.of("public", "private")).excludeBotUsers(true)
                .excludeExternalSharedChannels(true).build();
    }

    private static InputBlock input(String blockId, String label, com.slack.api.model.block.element.BlockElement e,
                                    boolean optional) {
        return InputBlock.builder().blockId(blockId).label(plain(label)).element(e).optional(optional).build();
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    private static OptionObject option(String text, String value) {
        return OptionObject.builder().text(plain(text)).value(value).build();
    }
}
