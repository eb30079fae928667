package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.common.alert.Webhook;
import dev.slackmgr.common.alert.WebhookCheckboxInput;
import dev.slackmgr.common.alert.WebhookCheckboxOption;
import dev.slackmgr.common.alert.WebhookPlainTextInput;
import dev.slackmgr.common.crypto.PayloadCipher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook buttons through the fake Slack with the real Bolt client: click → (confirmation modal → submission) →
 * {@code webhook} command → callback POSTed to a local HTTP receiver by the instance applying the command.
 */
class WebhookButtonsTest extends InteractionTestBase {

    @Test
    void clickWithInputsThroughTheModalReachesTheTargetWithTheExpectedJson() {
        Webhook withInputs = new Webhook("restart", RECEIVER.url("/inputs"), "Restart *api*?", "Restart",
                "primary", "channel_admins", "", new PayloadCipher(KEY).encrypt(Map.of("service", "api",
                "replicas", 3)),
                List.of(new WebhookPlainTextInput("reason", "Why?", 3, 100, true, "")),
                List.of(new WebhookCheckboxInput("opts", "Options", List.of(
                        new WebhookCheckboxOption("drain", "Drain first", true),
                        new WebhookCheckboxOption("notify", "Notify on-call", false)))), false);
        String ts = issuePost(CHANNEL, "hook-inputs", b -> b.webhooks = List.of(withInputs));
        assertThat(postOf(CHANNEL, "hook-inputs").orElseThrow().blocksJson())
                .contains("webhook_action_0", "\"value\":\"restart\"", "Restart");

        String trigger = trigger();
        click(CHANNEL_ADMIN, CHANNEL, ts, "webhook_action_0", "restart", trigger);
        JsonNode view = awaitView(trigger);
        assertThat(view.get("callback_id").asString()).isEqualTo(Modals.CONFIRM_WEBHOOK_MODAL);
        assertThat(view.get("title").get("text").asString()).isEqualTo("Confirm webhook");
        assertThat(view.get("submit").get("text").asString()).isEqualTo("Send");
        assertThat(view.toString()).contains("Restart *api*?", "\"block_id\":\"reason\"", "\"block_id\":\"opts\"",
                "Drain first", "\"min_length\":3", "\"max_length\":100").doesNotContain(RECEIVER.url(""));
        String metadata = view.get("private_metadata").asString();
        assertThat(Modals.metadataValues(metadata)).containsEntry("channelId", CHANNEL).containsEntry("messageTs", ts)
                .containsEntry("webhookId", "restart");
        assertThat(RECEIVER.at("/inputs")).as("nothing sent before the modal is submitted").isEmpty();

        Instant before = Instant.now();
        JsonNode ack = submit(CHANNEL_ADMIN, Modals.CONFIRM_WEBHOOK_MODAL, metadata, Map.of(
                "reason", Map.of("reason", text("disk is full")),
                "opts", Map.of("opts", checkboxes("drain", "notify"))));
        assertThat(ack.get("response_action").asString()).isEqualTo("clear");

        await("the callback", () -> RECEIVER.at("/inputs").size() == 1);
        InteractionTestBase.Receiver.Request r = RECEIVER.at("/inputs").get(0);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode body = r.body();
        List<String> fields = new ArrayList<>();
        body.properties().forEach(e -> fields.add(e.getKey()));
        assertThat(fields).containsExactly("id", "userId", "userRealName", "channelId", "messageId", "timestamp",
                "plainTextInput", "checkboxInput", "payload");
        assertThat(body.get("id").asString()).isEqualTo("restart");
        assertThat(body.get("userId").asString()).isEqualTo(CHANNEL_ADMIN);
        assertThat(body.get("userRealName").asString()).isEqualTo("Carl Channel");
        assertThat(body.get("channelId").asString()).isEqualTo(CHANNEL);
        assertThat(body.get("messageId").asString()).isEqualTo(ts);
        assertThat(Instant.parse(body.get("timestamp").asString())).isBetween(before, Instant.now());
        assertThat(body.get("plainTextInput").get("reason").asString()).isEqualTo("disk is full");
        assertThat(body.get("checkboxInput").get("opts").toString()).isEqualTo("[\"drain\",\"notify\"]");
        assertThat(body.get("payload").size()).isEqualTo(2);
        assertThat(body.get("payload").get("service").asString()).isEqualTo("api");
        assertThat(body.get("payload").get("replicas").asInt()).isEqualTo(3);
    }

    @Test
    void skippedConfirmationSendsAtOnceWithoutAModal() {
        String ts = issuePost(CHANNEL, "hook-skip", b -> b.webhooks = List.of(
                webhook("ping", RECEIVER.url("/skip"), "global_admins", true, Map.of("k", "v"))));
        String trigger = trigger();
        click(ADMIN, CHANNEL, ts, "webhook_action_0", "ping", trigger);
        await("the callback", () -> RECEIVER.at("/skip").size() == 1);
        JsonNode body = RECEIVER.at("/skip").get(0).body();
        assertThat(body.get("userRealName").asString()).isEqualTo("Ada Admin");
        assertThat(body.get("payload").toString()).isEqualTo("{\"k\":\"v\"}");
        assertThat(body.get("plainTextInput").size()).isZero();
        assertThat(view(trigger)).as("no confirmation modal").isEmpty();
    }

    @Test
    void usersWithoutTheAccessLevelAreRefusedAndNothingIsSent() {
        String ts = issuePost(CHANNEL, "hook-access", b -> b.webhooks = List.of(
                webhook("global", RECEIVER.url("/global"), "global_admins", true, Map.of()),
                webhook("chan", RECEIVER.url("/chan"), "channel_admins", false, Map.of()),
                webhook("anyone", RECEIVER.url("/anyone"), "channel_members", true, Map.of())));

        // skipped confirmation: refused by the instance applying the command
        double success = commands("success");
        click(CHANNEL_ADMIN, CHANNEL, ts, "webhook_action_0", "global", trigger());
        await("the refusal", () -> !ephemerals(CHANNEL_ADMIN, "only for global admins").isEmpty());
        // with confirmation: refused before the modal opens
        String trigger = trigger();
        click(NOBODY, CHANNEL, ts, "webhook_action_1", "chan", trigger);
        await("the refusal", () -> !ephemerals(NOBODY, "only for channel admins").isEmpty());
        // channel_members: anyone
        click(NOBODY, CHANNEL, ts, "webhook_action_2", "anyone", trigger());
        await("the callback of the open button", () -> RECEIVER.at("/anyone").size() == 1);
        assertThat(RECEIVER.at("/anyone").get(0).body().get("userRealName").asString()).isEqualTo("Pete Plain");

        assertThat(view(trigger)).as("no modal for a refused user").isEmpty();
        assertThat(RECEIVER.at("/global")).isEmpty();
        assertThat(RECEIVER.at("/chan")).isEmpty();
        assertThat(commands("success")).isGreaterThanOrEqualTo(success + 1);

        // the global admin may use the global button
        click(ADMIN, CHANNEL, ts, "webhook_action_0", "global", trigger());
        await("the admin's callback", () -> RECEIVER.at("/global").size() == 1);
    }

    @Test
    void aDoubleClickIsAppliedOnce() throws InterruptedException {
        String ts = issuePost(CHANNEL, "hook-double", b -> b.webhooks = List.of(
                webhook("deploy", RECEIVER.url("/double"), "channel_members", true, Map.of())));
        double successBefore = callbacks("success");
        click(NOBODY, CHANNEL, ts, "webhook_action_0", "deploy", trigger());
        click(NOBODY, CHANNEL, ts, "webhook_action_0", "deploy", trigger());
        await("the callback", () -> RECEIVER.at("/double").size() == 1);
        Thread.sleep(1500);
        assertThat(RECEIVER.at("/double")).as("the second click within 2 s is ignored").hasSize(1);
        assertThat(callbacks("success")).isEqualTo(successBefore + 1);

        Thread.sleep(1000);
        click(NOBODY, CHANNEL, ts, "webhook_action_0", "deploy", trigger());
        await("a later click is applied again", () -> RECEIVER.at("/double").size() == 2);
        click(CHANNEL_ADMIN, CHANNEL, ts, "webhook_action_0", "deploy", trigger());
        await("another user's click right after is applied too", () -> RECEIVER.at("/double").size() == 3);
    }

    @Test
    void unsafeTargetsAreNotCalledAndTheUserIsTold() {
        String ts = issuePost(CHANNEL, "hook-unsafe", b -> b.webhooks = List.of(
                webhook("meta", "http://169.254.169.254/latest/meta-data", "channel_members", true, Map.of()),
                webhook("private", "https://10.20.30.40/hook", "channel_members", true, Map.of())));
        double refused = callbacks("refused");
        click(NOBODY, CHANNEL, ts, "webhook_action_0", "meta", trigger());
        click(NOBODY, CHANNEL, ts, "webhook_action_1", "private", trigger());
        await("both refused", () -> callbacks("refused") == refused + 2);
        await("the user told", () -> ephemerals(NOBODY, "webhook target refused").size() >= 2);
        assertThat(ephemerals(NOBODY, "webhook target refused")).anySatisfy(e ->
                assertThat(e.text()).contains("only https://"));
        assertThat(ephemerals(NOBODY, "webhook target refused")).anySatisfy(e ->
                assertThat(e.text()).contains("a private address 10.20.30.40"));
    }
}
