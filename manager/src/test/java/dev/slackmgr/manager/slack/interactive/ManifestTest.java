package dev.slackmgr.manager.slack.interactive;

import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.manifest.AppManifest;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code manifest.json} at the repository root declares exactly what the Socket Mode code handles. */
class ManifestTest {
    private static final JsonNode MANIFEST = read();

    private static JsonNode read() {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(Path.of("..", "manifest.json")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void socketModeWithTheEventsTheRoutesHandle() {
        JsonNode settings = MANIFEST.get("settings");
        assertThat(settings.get("socket_mode_enabled").asBoolean()).isTrue();
        assertThat(settings.get("interactivity").get("is_enabled").asBoolean()).isTrue();
        assertThat(strings(settings.get("event_subscriptions").get("bot_events"))).containsExactlyInAnyOrder(
                ReactionAddedEvent.TYPE_NAME, ReactionRemovedEvent.TYPE_NAME, MemberJoinedChannelEvent.TYPE_NAME,
                AppMentionEvent.TYPE_NAME);
    }

    /**
     * Every field is one Slack's manifest API knows: parsed into the Slack SDK's {@link AppManifest} (the model of
     * {@code apps.manifest.create/validate}) and written back, the manifest is unchanged – a misspelt or unknown
     * field would be dropped.
     */
    @Test
    void everyFieldIsPartOfSlacksManifestModel() throws java.io.IOException {
        String json = Files.readString(Path.of("..", "manifest.json"));
        AppManifest parsed = GsonFactory.createSnakeCase().fromJson(json, AppManifest.class);
        JsonNode roundTrip = JsonMapper.builder().build().readTree(GsonFactory.createSnakeCase().toJson(parsed));
        assertThat(roundTrip).isEqualTo(MANIFEST);
        assertThat(parsed.getDisplayInformation().getName()).isNotBlank().hasSizeLessThanOrEqualTo(35);
        assertThat(parsed.getFeatures().getBotUser().getDisplayName()).isNotBlank().hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void theDefaultSlashCommand() {
        JsonNode commands = MANIFEST.get("features").get("slash_commands");
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).get("command").asString())
                .isEqualTo(new SocketModeSettings(null, null, null, null).slashCommand());
    }

    @Test
    void scopesOfTheCallsAndEventsUsed() {
        assertThat(strings(MANIFEST.get("oauth_config").get("scopes").get("bot"))).containsExactlyInAnyOrder(
                "app_mentions:read", // app_mention
                "channels:history", "groups:history", // conversations.history / replies
                "channels:read", "groups:read", // conversations.info / members, users.conversations, member_joined_channel
                "chat:write", "chat:write.customize", // posts with username and icon, ephemerals
                "commands", // the slash command, shortcuts
                "metadata.message:read", // reading the issue metadata of posts (adoption after a crash)
                "reactions:read", // reaction_added / reaction_removed
                "usergroups:read", // usergroups.users.list
                "users:read"); // users.info
    }

    @Test
    void theShortcutsTheRoutesHandle() {
        JsonNode shortcuts = MANIFEST.get("features").get("shortcuts");
        List<String> ids = new ArrayList<>();
        shortcuts.forEach(s -> {
            ids.add(s.get("callback_id").asString());
            assertThat(s.get("name").asString()).hasSizeLessThanOrEqualTo(24);
            assertThat(s.get("description").asString()).isNotBlank().hasSizeLessThanOrEqualTo(80);
            assertThat(s.get("type").asString()).isIn("global", "message");
        });
        assertThat(ids).containsExactlyInAnyOrderElementsOf(ShortcutRoutes.callbackIds());
        shortcuts.forEach(s -> assertThat(s.get("type").asString()).isEqualTo(
                s.get("callback_id").asString().equals(Modals.CREATE_SHORTCUT) ? "global" : "message"));
    }
}
