package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.manager.issue.Issue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shortcuts and their modals through the fake Slack with the real Bolt client. */
class ShortcutModalsTest extends InteractionTestBase {

    @Test
    void createIssueFromAMessageCreatesAnIssueWithAPost() {
        String trigger = trigger();
        messageShortcut(CHANNEL_ADMIN, Modals.CREATE_FROM_MESSAGE_SHORTCUT, CHANNEL, "1700000000.000100",
                "db-01 is out of disk space", trigger);
        JsonNode view = awaitView(trigger);
        assertThat(view.get("callback_id").asString()).isEqualTo(Modals.CREATE_MODAL);
        assertThat(view.get("title").get("text").asString()).isEqualTo("Create issue");
        assertThat(view.toString()).contains("\"initial_conversation\":\"" + CHANNEL + "\"",
                "\"initial_value\":\"db-01 is out of disk space\"");

        JsonNode invalid = submit(CHANNEL_ADMIN, Modals.CREATE_MODAL, "", createValues(CHANNEL, "", "", "24"));
        assertThat(invalid.get("response_action").asString()).isEqualTo("errors");
        assertThat(invalid.get("errors").get("issue_text").asString()).contains("cannot both be empty");
        JsonNode badHours = submit(CHANNEL_ADMIN, Modals.CREATE_MODAL, "", createValues(CHANNEL, "h", "t", "9999"));
        assertThat(badHours.get("errors").has("issue_auto_resolve")).isTrue();
        JsonNode notAdmin = submit(NOBODY, Modals.CREATE_MODAL, "", createValues(CHANNEL, "h", "t", "24"));
        assertThat(notAdmin.get("errors").get("select_channel").asString()).contains("admin");

        JsonNode ok = submit(CHANNEL_ADMIN, Modals.CREATE_MODAL, "",
                createValues(CHANNEL, ":status: Disk full on db-01", "db-01 is out of disk space", "2"));
        assertThat(ok.get("response_action").asString()).isEqualTo("clear");
        await("the new issue's post", () -> SLACK.messages().of(CHANNEL).stream()
                .anyMatch(m -> m.blocksJson() != null && m.blocksJson().contains("Disk full on db-01")));
        FakeMessage post = SLACK.messages().of(CHANNEL).stream()
                .filter(m -> m.blocksJson() != null && m.blocksJson().contains("Disk full on db-01"))
                .findFirst().orElseThrow();
        assertThat(post.username()).isEqualTo("Carl Channel");
        assertThat(post.blocksJson()).contains("db-01 is out of disk space");
        Issue issue = awaitIssue(CHANNEL, post.ts(), i -> true);
        assertThat(issue.correlationId()).startsWith("manual-");
        assertThat(issue.lastAlert().alert().severity()).isEqualTo("error");
        assertThat(issue.lastAlert().alert().issueFollowUpEnabled()).isTrue();
        assertThat(issue.lastAlert().alert().autoResolveSeconds()).isEqualTo(7200);
    }

    @Test
    void globalCreateShortcutOpensAnEmptyModal() {
        String trigger = trigger();
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("type", "shortcut");
        p.put("token", "fake");
        p.put("action_ts", "1700000000.000400");
        p.put("team", Map.of("id", "T0FAKE", "domain", "fake"));
        p.put("user", user(ADMIN));
        p.put("callback_id", Modals.CREATE_SHORTCUT);
        p.put("trigger_id", trigger);
        String id = SLACK.socketMode().sendInteractive(p);
        await("acknowledged", () -> SLACK.socketMode().acknowledged(id));
        JsonNode view = awaitView(trigger);
        assertThat(view.get("callback_id").asString()).isEqualTo(Modals.CREATE_MODAL);
        assertThat(view.toString()).doesNotContain("initial_conversation");
    }

    @Test
    void theMoveModalMovesTheIssue() {
        String ts = issuePost(CHANNEL, "move-me", b -> { });
        String refusedTrigger = trigger();
        messageShortcut(CHANNEL_ADMIN, Modals.MOVE_SHORTCUT, CHANNEL, ts, "post", refusedTrigger);
        await("the refusal", () -> !ephemerals(CHANNEL_ADMIN, "global admins").isEmpty());
        assertThat(view(refusedTrigger)).as("no modal for a channel admin").isEmpty();

        String trigger = trigger();
        messageShortcut(ADMIN, Modals.MOVE_SHORTCUT, CHANNEL, ts, "post", trigger);
        JsonNode view = awaitView(trigger);
        assertThat(view.get("callback_id").asString()).isEqualTo(Modals.MOVE_MODAL);
        String metadata = view.get("private_metadata").asString();
        assertThat(Modals.metadataValues(metadata)).containsEntry("channelId", CHANNEL).containsEntry("messageTs", ts);

        JsonNode same = submit(ADMIN, Modals.MOVE_MODAL, metadata,
                Map.of("select_channel", Map.of("select_channel_input", conversation(CHANNEL))));
        assertThat(same.get("errors").get("select_channel").asString()).contains("already in this channel");
        JsonNode unmanaged = submit(ADMIN, Modals.MOVE_MODAL, metadata,
                Map.of("select_channel", Map.of("select_channel_input", conversation("C0NOBOT01"))));
        assertThat(unmanaged.get("errors").get("select_channel").asString()).contains("managed by");

        JsonNode ok = submit(ADMIN, Modals.MOVE_MODAL, metadata,
                Map.of("select_channel", Map.of("select_channel_input", conversation(TARGET))));
        assertThat(ok.get("response_action").asString()).isEqualTo("clear");
        String moved = awaitPost(TARGET, "move-me");
        await("the old post deleted", () -> SLACK.messages().find(CHANNEL, ts).isEmpty());
        Issue issue = awaitIssue(TARGET, moved, i -> true);
        assertThat(issue.isMoved()).isTrue();
        assertThat(issue.movedByUser()).isEqualTo("Ada Admin");
        assertThat(issue.lastAlert().channelId()).isEqualTo(TARGET);
        assertThat(store.findOpenIssueByCorrelationId(CHANNEL, "move-me")).isEmpty();
    }

    @Test
    void issueDetailsModalShowsTheIssue() {
        String ts = issuePost(CHANNEL, "details-of-me", b -> b.routeKey = "team-a");
        Issue issue = store.findIssueBySlackPostId(CHANNEL, ts).orElseThrow();
        String trigger = trigger();
        messageShortcut(NOBODY, Modals.DETAILS_SHORTCUT, CHANNEL, ts, "post", trigger);
        JsonNode view = awaitView(trigger);
        assertThat(view.get("callback_id").asString()).isEqualTo(Modals.DETAILS_MODAL);
        assertThat(view.get("title").get("text").asString()).isEqualTo("Issue details");
        assertThat(view.has("submit")).as("read-only").isFalse();
        assertThat(view.toString()).contains("*Correlation ID:* `details-of-me`", "*Database ID:* `" + issue.id() + "`",
                "*Slack Post ID:* `" + ts + "`", "*Alerts:* `1`", "*Status:* `error`",
                "*Auto resolve:* `true (1 hour after last alert)`", "*Route key:* `team-a`", "*Moved:* `false`",
                "(just now)");

        String refused = trigger();
        messageShortcut(NOBODY, Modals.DETAILS_SHORTCUT, CHANNEL, "1600000000.000001", "not an issue", refused);
        await("told there is no issue", () -> !ephemerals(NOBODY, "No issue found").isEmpty());
        assertThat(view(refused)).isEmpty();
    }

    @Test
    void optionButtonsOpenTheSameModals() {
        String ts = issuePost(CHANNEL, "options", b -> { });
        String trigger = trigger();
        click(ADMIN, CHANNEL, ts, "option_button_action_view_issue_details", "view_issue_details", trigger);
        assertThat(awaitView(trigger).toString()).contains("`options`");
        String move = trigger();
        click(ADMIN, CHANNEL, ts, "option_button_action_issue_move", "issue_move", move);
        assertThat(awaitView(move).get("callback_id").asString()).isEqualTo(Modals.MOVE_MODAL);
    }

    private static Map<String, Object> createValues(String channel, String header, String text, String hours) {
        return Map.of(
                "select_channel", Map.of("select_channel_input", conversation(channel)),
                "issue_severity", Map.of("issue_severity_input", Map.of("type", "static_select",
                        "selected_option", Map.of("value", "error", "text", Map.of("type", "plain_text",
                                "text", "Error")))),
                "issue_follow_up_enabled", Map.of("issue_follow_up_enabled_input", checkboxes("enabled")),
                "issue_auto_resolve", Map.of("issue_auto_resolve_input", text(hours)),
                "issue_header", Map.of("issue_header_input", text(header)),
                "issue_text", Map.of("issue_text_input", text(text)),
                "issue_emoji", Map.of("issue_emoji_input", text(":fire:")));
    }
}
