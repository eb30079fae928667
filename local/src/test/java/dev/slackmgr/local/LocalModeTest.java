package dev.slackmgr.local;

import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeSocketMode;
import dev.slackmgr.local.emulator.SlackEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import static dev.slackmgr.local.emulator.SlackEmulator.ADMIN_USER;
import static dev.slackmgr.local.emulator.SlackEmulator.ALERTS_CHANNEL;
import static dev.slackmgr.local.emulator.SlackEmulator.OPS_CHANNEL;
import static dev.slackmgr.local.emulator.SlackEmulator.PLAIN_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local mode without a browser: the examples go through the real API and manager to the Slack emulator, and
 * what the page sends (reactions, slash commands, button clicks) reaches the manager over Socket Mode.
 */
class LocalModeTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static LocalMode local;
    static SlackEmulator emulator;

    @BeforeAll
    static void start() {
        local = LocalModeTesting.start();
        emulator = local.emulator();
        assertThat(LocalModeTesting.await(WAIT, () -> emulator.slack().socketMode().openConnections() == 1))
                .as("the manager connected over Socket Mode").isTrue();
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void servesThePageAndItsState() {
        HttpResponse<String> page = LocalModeTesting.get(emulator.pageUrl());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script src=\"app.js\"></script>");
        assertThat(LocalModeTesting.get(emulator.pageUrl() + "app.js").body()).contains("function blocks(");
        assertThat(LocalModeTesting.get(emulator.pageUrl() + "nothing-here").statusCode()).isEqualTo(404);

        JsonNode state = JSON.readTree(LocalModeTesting.get(emulator.pageUrl() + "emulator/state").body());
        assertThat(state.get("channels").valueStream().map(c -> c.get("name").asString()))
                .containsExactly("alerts", "ops");
        assertThat(state.get("users").valueStream().map(u -> u.get("name").asString()))
                .containsExactly("Ada Admin", "Pete Plain");
        assertThat(state.get("socketModeConnections").asInt()).isEqualTo(1);
    }

    @Test
    void reactionsOfAUserWithoutRightsAreRefusedAndAnAdminsResolve() {
        String ts = postAlert("local-refused", "Refusal test");
        String refused = emulator.toggleReaction(ALERTS_CHANNEL, ts, "white_check_mark", PLAIN_USER);
        await("acknowledged", () -> emulator.slack().socketMode().acknowledged(refused));
        await("the refusal shown to Pete only", () -> notices(PLAIN_USER).contains("rights for"));
        assertThat(post(ts).blocksJson()).doesNotContain("Resolved by");
        assertThat(notices(ADMIN_USER)).doesNotContain("rights for");

        emulator.toggleReaction(ALERTS_CHANNEL, ts, "white_check_mark", PLAIN_USER);
        assertThat(emulator.reactionsOf(ALERTS_CHANNEL, ts)).isEmpty();
        emulator.toggleReaction(ALERTS_CHANNEL, ts, "white_check_mark", ADMIN_USER);
        await("resolved by Ada", () -> post(ts).blocksJson().contains("Resolved by *Ada Admin*"));
        assertThat(emulator.reactionsOf(ALERTS_CHANNEL, ts)).containsEntry("white_check_mark",
                java.util.List.of(ADMIN_USER));
        emulator.toggleReaction(ALERTS_CHANNEL, ts, "white_check_mark", ADMIN_USER);
        await("reopened when the reaction is removed", () -> !post(ts).blocksJson().contains("Resolved by"));
    }

    @Test
    void slashCommandsAreAnsweredInTheAck() {
        postAlert("local-slash", "Slash test");
        HttpResponse<String> r = LocalModeTesting.post(emulator.pageUrl() + "emulator/command",
                "{\"channel\":\"" + ALERTS_CHANNEL + "\",\"user\":\"" + PLAIN_USER + "\",\"text\":\"/slackmgr list\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("answer").asString()).contains("`local-slash`", "Slash test");
        assertThat(notices(PLAIN_USER)).contains("local-slash");

        assertThat(emulator.slashCommand(ALERTS_CHANNEL, ADMIN_USER, "/slackmgr resolve local-slash"))
                .contains("`resolve` sent");
        String ts = postOf("local-slash").orElseThrow().ts();
        await("resolved through the slash command", () -> post(ts).blocksJson().contains("Resolved by *Ada Admin*"));
    }

    @Test
    void optionButtonsAreClickedAsBlockActions() {
        String ts = postAlert("local-buttons", "Button test");
        emulator.toggleReaction(ALERTS_CHANNEL, ts, "information_source", ADMIN_USER);
        await("the option buttons", () -> post(ts).blocksJson().contains("option_button_action_view_issue_details"));
        int before = interactiveDeliveries();
        HttpResponse<String> r = LocalModeTesting.post(emulator.pageUrl() + "emulator/action",
                "{\"channel\":\"" + ALERTS_CHANNEL + "\",\"ts\":\"" + ts + "\",\"blockId\":\"issue_options\","
                        + "\"actionId\":\"option_button_action_view_issue_details\",\"user\":\"" + ADMIN_USER + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(interactiveDeliveries()).isEqualTo(before + 1);

        HttpResponse<String> unknown = LocalModeTesting.post(emulator.pageUrl() + "emulator/action",
                "{\"channel\":\"" + ALERTS_CHANNEL + "\",\"ts\":\"" + ts + "\",\"blockId\":\"issue_options\","
                        + "\"actionId\":\"no_such_button\",\"user\":\"" + ADMIN_USER + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @Test
    void theOtherExamplesAreAccepted() {
        for (String example : new String[] {"alerts-batch.json", "alert-with-webhook.json"}) {
            HttpResponse<String> r = LocalModeTesting.post(local.alertsUrl(),
                    LocalModeTesting.read(LocalModeTesting.example(example)));
            assertThat(r.statusCode()).as(example + ": " + r.body()).isEqualTo(202);
        }
        HttpResponse<String> prom = LocalModeTesting.post(local.apiBaseUrl() + "/prometheus-alert",
                LocalModeTesting.read(LocalModeTesting.example("prometheus-webhook.json")));
        assertThat(prom.statusCode()).as(prom.body()).isEqualTo(202);
        await("the panic in #ops", () -> emulator.slack().messages().of(OPS_CHANNEL).stream()
                .anyMatch(m -> "payments-down".equals(m.eventPayload().get("correlationId"))));
        await("the webhook button", () -> postOf("queue-backlog").map(m -> m.blocksJson().contains("webhook_action_0")
                && m.blocksJson().contains("Scale consumers up")).orElse(false));
        await("the Prometheus alert", () -> emulator.slack().messages().of(ALERTS_CHANNEL).stream()
                .anyMatch(m -> m.blocksJson() != null && m.blocksJson().contains("5xx rate above 5% on checkout-api")));
    }

    // ---- helpers

    private static String postAlert(String correlationId, String header) {
        String body = """
                {"correlationId":"%s","header":":status: %s","text":"from LocalModeTest","severity":"error",
                 "slackChannelId":"%s","issueFollowUpEnabled":true,"autoResolveSeconds":3600}
                """.formatted(correlationId, header, ALERTS_CHANNEL);
        HttpResponse<String> r = LocalModeTesting.post(local.alertsUrl(), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        await("the post of " + correlationId, () -> postOf(correlationId).isPresent());
        return postOf(correlationId).orElseThrow().ts();
    }

    private static Optional<FakeMessage> postOf(String correlationId) {
        return emulator.slack().messages().of(ALERTS_CHANNEL).stream()
                .filter(m -> correlationId.equals(m.eventPayload().get("correlationId"))).findFirst();
    }

    private static FakeMessage post(String ts) {
        return emulator.slack().messages().find(ALERTS_CHANNEL, ts).orElseThrow();
    }

    /** The text of every notice the page shows to {@code user}. */
    private static String notices(String user) {
        JsonNode state = JSON.readTree(LocalModeTesting.get(emulator.pageUrl() + "emulator/state").body());
        StringBuilder b = new StringBuilder();
        state.get("notices").valueStream().filter(n -> n.get("user").asString().equals(user))
                .forEach(n -> b.append(n.get("text").asString()).append('\n'));
        return b.toString();
    }

    private static int interactiveDeliveries() {
        return (int) emulator.slack().socketMode().deliveries().stream()
                .filter(d -> d.type().equals("interactive") && d.retryAttempt() == 0).count();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        assertThat(FakeSocketMode.await(WAIT, condition)).as("waiting for " + what).isTrue();
    }
}
