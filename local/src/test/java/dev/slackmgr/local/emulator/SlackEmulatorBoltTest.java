package dev.slackmgr.local.emulator;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import com.slack.api.socket_mode.SocketModeClient;
import dev.slackmgr.common.testing.slack.FakeSocketMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.slackmgr.local.emulator.SlackEmulator.ADMIN_USER;
import static dev.slackmgr.local.emulator.SlackEmulator.ALERTS_CHANNEL;
import static dev.slackmgr.local.emulator.SlackEmulator.PLAIN_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the emulator sends is what Slack sends: the real Bolt Socket Mode client (as the manager runs it) parses the
 * emulator's reaction events, {@code block_actions} and slash commands into its typed payloads.
 */
class SlackEmulatorBoltTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static SlackEmulator emulator;
    static SocketModeApp socketApp;
    static Slack slack;
    static final List<ReactionAddedEvent> added = new CopyOnWriteArrayList<>();
    static final List<ReactionRemovedEvent> removed = new CopyOnWriteArrayList<>();
    static final List<BlockActionPayload> clicks = new CopyOnWriteArrayList<>();
    static final List<SlashCommandPayload> commands = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        emulator = SlackEmulator.start(0);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(emulator.apiUrl());
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
        App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(SlackEmulator.BOT_TOKEN).build());
        app.event(ReactionAddedEvent.class, (req, ctx) -> {
            added.add(req.getEvent());
            return ctx.ack();
        });
        app.event(ReactionRemovedEvent.class, (req, ctx) -> {
            removed.add(req.getEvent());
            return ctx.ack();
        });
        app.blockAction("do_it", (req, ctx) -> {
            clicks.add(req.getPayload());
            return ctx.ack();
        });
        app.command("/slackmgr", (req, ctx) -> {
            commands.add(req.getPayload());
            return ctx.ack("you said `" + req.getPayload().getText() + "`");
        });
        socketApp = new SocketModeApp(SlackEmulator.APP_TOKEN, app, SocketModeClient.Backend.JavaWebSocket);
        socketApp.startAsync();
        await(() -> emulator.slack().socketMode().openConnections() == 1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (socketApp != null) {
            socketApp.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void reactionsArriveAsReactionEventsOnTheMessage() throws Exception {
        String ts = post("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"hello\"}}]");
        emulator.toggleReaction(ALERTS_CHANNEL, ts, "white_check_mark", ADMIN_USER);
        await(() -> added.stream().anyMatch(e -> ts.equals(e.getItem().getTs())));
        ReactionAddedEvent e = added.stream().filter(x -> ts.equals(x.getItem().getTs())).findFirst().orElseThrow();
        assertThat(e.getUser()).isEqualTo(ADMIN_USER);
        assertThat(e.getReaction()).isEqualTo("white_check_mark");
        assertThat(e.getItem().getType()).isEqualTo("message");
        assertThat(e.getItem().getChannel()).isEqualTo(ALERTS_CHANNEL);
        assertThat(e.getItemUser()).isEqualTo(SlackEmulator.BOT_USER);
        assertThat(emulator.reactionsOf(ALERTS_CHANNEL, ts)).containsEntry("white_check_mark", List.of(ADMIN_USER));

        emulator.toggleReaction(ALERTS_CHANNEL, ts, "white_check_mark", ADMIN_USER);
        await(() -> removed.stream().anyMatch(x -> ts.equals(x.getItem().getTs())));
        assertThat(emulator.reactionsOf(ALERTS_CHANNEL, ts)).isEmpty();
    }

    @Test
    void buttonClicksArriveAsBlockActionsWithTheButtonAndTheMessage() throws Exception {
        String ts = post("[{\"type\":\"actions\",\"block_id\":\"issue_actions\",\"elements\":[{\"type\":\"button\","
                + "\"action_id\":\"do_it\",\"value\":\"v-42\",\"style\":\"danger\",\"text\":{\"type\":\"plain_text\","
                + "\"text\":\"Do it\"}}]}]");
        String envelope = emulator.clickButton(ALERTS_CHANNEL, ts, "issue_actions", "do_it", PLAIN_USER);
        await(() -> emulator.slack().socketMode().acknowledged(envelope));
        BlockActionPayload p = clicks.stream().filter(x -> ts.equals(x.getContainer().getMessageTs())).findFirst()
                .orElseThrow();
        assertThat(p.getUser().getId()).isEqualTo(PLAIN_USER);
        assertThat(p.getUser().getName()).isEqualTo("pete.plain");
        assertThat(p.getChannel().getId()).isEqualTo(ALERTS_CHANNEL);
        assertThat(p.getChannel().getName()).isEqualTo("alerts");
        assertThat(p.getContainer().getChannelId()).isEqualTo(ALERTS_CHANNEL);
        assertThat(p.getMessage().getTs()).isEqualTo(ts);
        assertThat(p.getMessage().getBlocks()).hasSize(1);
        assertThat(p.getTriggerId()).isNotBlank();
        assertThat(p.getActions()).hasSize(1);
        BlockActionPayload.Action a = p.getActions().get(0);
        assertThat(a.getActionId()).isEqualTo("do_it");
        assertThat(a.getBlockId()).isEqualTo("issue_actions");
        assertThat(a.getValue()).isEqualTo("v-42");
        assertThat(a.getType()).isEqualTo("button");
        assertThat(a.getText().getText()).isEqualTo("Do it");

        assertThatThrownBy(() -> emulator.clickButton(ALERTS_CHANNEL, ts, "issue_actions", "nope", PLAIN_USER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slashCommandsArriveAsSlashCommandsAndTheAckIsTheAnswer() {
        String answer = emulator.slashCommand(ALERTS_CHANNEL, ADMIN_USER, "/slackmgr  resolve disk-full ");
        assertThat(answer).isEqualTo("you said `resolve disk-full`");
        SlashCommandPayload p = commands.get(commands.size() - 1);
        assertThat(p.getCommand()).isEqualTo("/slackmgr");
        assertThat(p.getText()).isEqualTo("resolve disk-full");
        assertThat(p.getUserId()).isEqualTo(ADMIN_USER);
        assertThat(p.getChannelId()).isEqualTo(ALERTS_CHANNEL);
        assertThat(p.getChannelName()).isEqualTo("alerts");
        assertThat(p.getTriggerId()).isNotBlank();
        @SuppressWarnings("unchecked")
        List<Object> notices = (List<Object>) emulator.state().get("notices");
        assertThat(notices).anySatisfy(n -> assertThat(n.toString()).contains("you said", ADMIN_USER));
    }

    private static String post(String blocks) throws Exception {
        var r = slack.methods(SlackEmulator.BOT_TOKEN).chatPostMessage(b -> b.channel(ALERTS_CHANNEL).text("fallback")
                .blocksAsString(blocks));
        assertThat(r.isOk()).as(r.getError()).isTrue();
        return r.getTs();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        assertThat(FakeSocketMode.await(WAIT, condition)).isTrue();
    }
}
