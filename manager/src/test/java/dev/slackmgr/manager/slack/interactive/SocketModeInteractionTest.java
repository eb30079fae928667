package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.queue.QueueProducer;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeNotices;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeSocketMode;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import dev.slackmgr.manager.ManagerApplication;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.slack.SlackClientSettings;
import dev.slackmgr.manager.slack.SlackConfiguration;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.testing.TestPostgres;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager with Socket Mode on, against real Redis and PostgreSQL: the real Bolt Socket Mode client connects to
 * the fake Slack's WebSocket server, which delivers reactions, slash commands and membership events as Slack does.
 */
@SpringBootTest(classes = ManagerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SocketModeInteractionTest {
    static final String PREFIX = "sock-" + UUID.randomUUID().toString().substring(0, 8);
    static final String CHANNEL = "C0SOCKET1";
    static final String ADMIN = "U0ADMIN01";
    static final String CHANNEL_ADMIN = "U0CHANADM";
    static final String GROUP_ADMIN = "U0GRPADM1";
    static final String NOBODY = "U0NOBODY1";
    static final String DOCS = "https://docs.example.test/slackmgr";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final FakeSlack SLACK = new FakeSlack(new FakeWorkspace("U0BOT").channel(CHANNEL, "socket")
            .channel("C0NOBOT01", "elsewhere", false, false, 5)
            .user(ADMIN, "Ada Admin").user(CHANNEL_ADMIN, "Carl Channel").user(GROUP_ADMIN, "Grace Group")
            .user(NOBODY, "Pete Plain").userGroup("S0ADMINS1", GROUP_ADMIN));
    static final AtomicInteger EVENTS = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestPostgres.Database db = TestPostgres.createDatabase();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("slackmgr.queue.key-prefix", () -> PREFIX);
        registry.add("slackmgr.lock-key-prefix", () -> PREFIX + ":");
        registry.add("slackmgr.slack.api-url", SLACK::apiUrl);
        registry.add("slackmgr.slack.bot-token", () -> "xoxb-test");
        registry.add("slackmgr.slack.pacing.enabled", () -> "false");
        registry.add("slackmgr.socket-mode.app-token", () -> "xapp-test");
        registry.add("slackmgr.settings-file", SocketModeInteractionTest::settingsFile);
    }

    private static String settingsFile() {
        try {
            Path file = Files.createTempFile("manager-settings", ".yaml");
            Files.writeString(file, """
                    globalAdmins: [U0ADMIN01]
                    docsUrl: https://docs.example.test/slackmgr
                    alertChannels:
                      - id: C0SOCKET1
                        adminUsers: [U0CHANADM]
                        adminGroups: [S0ADMINS1]
                    """);
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    @Qualifier("alertQueueProducer")
    QueueProducer alerts;
    @Autowired
    IssueStore store;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    SlackClientSettings slackSettings;
    @Autowired
    SocketModeSettings socketSettings;
    @Autowired
    List<InteractionRoutes> routes;

    @BeforeEach
    void connected() {
        await("a Socket Mode connection", () -> SLACK.socketMode().openConnections() >= 1);
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    // ---- reactions

    @Test
    void adminReactionsApplyAndTheirRemovalReverses() {
        String ts = issuePost("reactions-admin");
        react("reaction_added", CHANNEL_ADMIN, "white_check_mark", ts);
        Issue resolved = awaitIssue(ts, i -> i.slackPostEmojiResolved());
        assertThat(resolved.resolvedByUser()).isEqualTo("Carl Channel");
        await("the post updated (by the post syncer, after the commit)",
                () -> post(ts).blocksJson().contains(":white_check_mark:"));
        react("reaction_removed", CHANNEL_ADMIN, "white_check_mark", ts);
        assertThat(awaitIssue(ts, i -> !i.slackPostEmojiResolved()).resolvedByUser()).isEmpty();

        react("reaction_added", GROUP_ADMIN, "mask", ts);
        assertThat(awaitIssue(ts, i -> !i.mutedByUser().isEmpty()).mutedByUser()).isEqualTo("Grace Group");
        react("reaction_removed", GROUP_ADMIN, "mask", ts);
        awaitIssue(ts, i -> i.mutedByUser().isEmpty());

        react("reaction_added", ADMIN, "information_source", ts);
        awaitIssue(ts, Issue::slackPostEmojiButtonsActivated);
        react("reaction_removed", ADMIN, "information_source", ts);
        awaitIssue(ts, i -> !i.slackPostEmojiButtonsActivated());

        react("reaction_added", ADMIN, "firecracker", ts);
        await("the post deleted", () -> SLACK.messages().find(CHANNEL, ts).isEmpty());
        await("the issue archived", () -> store.findOpenIssueByCorrelationId(CHANNEL, "reactions-admin").isEmpty());
        assertThat(refusals(CHANNEL_ADMIN)).isEmpty();
        assertThat(refusals(GROUP_ADMIN)).isEmpty();
        assertThat(refusals(ADMIN)).isEmpty();
    }

    @Test
    void investigatingIsForAnyoneAndRemovalClearsIt() {
        String ts = issuePost("reactions-eyes");
        react("reaction_added", NOBODY, "eyes", ts);
        assertThat(awaitIssue(ts, i -> !i.investigatedByUser().isEmpty()).investigatedByUser()).isEqualTo("Pete Plain");
        await("the post shows who", () -> post(ts).blocksJson().contains("Pete Plain"));
        react("reaction_removed", NOBODY, "eyes", ts);
        awaitIssue(ts, i -> i.investigatedByUser().isEmpty());
    }

    @Test
    void nonAdminReactionsAndRemovalsAreRefusedWithOneEphemeralSayingWhy() {
        String ts = issuePost("reactions-refused");
        double refused = count("refused");
        react("reaction_added", NOBODY, "white_check_mark", ts);
        await("the refusal", () -> count("refused") == refused + 1);
        List<FakeNotices.Ephemeral> notices = refusals(NOBODY).stream()
                .filter(e -> e.text().contains("with emojis")).toList();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).channel()).isEqualTo(CHANNEL);
        assertThat(notices.get(0).text()).contains("Pete Plain", "channel admin", "Slack Manager", DOCS);

        react("reaction_added", NOBODY, "mask", ts);
        react("reaction_added", NOBODY, "firecracker", ts);
        await("two more refusals", () -> count("refused") == refused + 3);
        assertThat(refusals(NOBODY).stream().filter(e -> e.text().contains("with emojis")))
                .as("at most one notice per 30 min").hasSize(1);
        Issue issue = store.findIssueBySlackPostId(CHANNEL, ts).orElseThrow();
        assertThat(issue.slackPostEmojiResolved()).isFalse();
        assertThat(issue.mutedByUser()).isEmpty();
        assertThat(issue.archived()).isFalse();

        react("reaction_added", ADMIN, "white_check_mark", ts);
        awaitIssue(ts, Issue::slackPostEmojiResolved);
        react("reaction_removed", NOBODY, "white_check_mark", ts);
        await("the removal refused", () -> count("refused") == refused + 4);
        assertThat(store.findIssueBySlackPostId(CHANNEL, ts).orElseThrow().slackPostEmojiResolved())
                .as("a non-admin cannot undo an admin's resolve").isTrue();
    }

    @Test
    void reactionsInUnmanagedChannelsAndUnmappedReactionsDoNothing() {
        String ts = issuePost("reactions-ignored");
        double discarded = count("discarded");
        react("reaction_added", ADMIN, "thumbsup", ts);
        String id = SLACK.socketMode().sendEvent(eventId(), reaction("reaction_added", ADMIN, "white_check_mark",
                "C0NOBOT01", ts));
        await("acknowledged", () -> SLACK.socketMode().acknowledged(id));
        await("discarded (bot not in channel)", () -> count("discarded") == discarded + 1);
        assertThat(store.findIssueBySlackPostId(CHANNEL, ts).orElseThrow().slackPostEmojiResolved()).isFalse();
    }

    // ---- slash commands

    @Test
    void slashCommandsAnswerEphemerallyAndQueueStateChanges() {
        String ts = issuePost("slash-disk-full");
        JsonNode help = slash(NOBODY, "help");
        assertThat(help.get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(help.get("text").asString()).contains("/slackmgr list", "resolve", DOCS);

        String list = slash(NOBODY, "list").get("text").asString();
        assertThat(list).contains("`slash-disk-full`", "https://fake.slack.test/archives/" + CHANNEL + "/p"
                + ts.replace(".", ""), "Problem slash-disk-full");

        assertThat(slash(ADMIN, "resolve slash-disk-full").get("text").asString()).contains("`resolve` sent");
        assertThat(awaitIssue(ts, Issue::slackPostEmojiResolved).resolvedByUser()).isEqualTo("Ada Admin");

        String link = "<https://fake.slack.test/archives/" + CHANNEL + "/p" + ts.replace(".", "") + ">";
        double refused = count("refused");
        slash(NOBODY, "mute " + link);
        await("refused", () -> count("refused") == refused + 1);
        assertThat(SLACK.notices().ephemeralsTo(NOBODY)).anySatisfy(e -> assertThat(e.text()).contains("mute_issue"));
        slash(CHANNEL_ADMIN, "mute " + link);
        assertThat(awaitIssue(ts, i -> !i.mutedByUser().isEmpty()).mutedByUser()).isEqualTo("Carl Channel");
        slash(CHANNEL_ADMIN, "unmute " + link);
        awaitIssue(ts, i -> i.mutedByUser().isEmpty());

        assertThat(slash(ADMIN, "resolve no-such-issue").get("text").asString()).contains("No open issue");
        assertThat(slash(ADMIN, "frobnicate").get("text").asString()).contains("Unknown command `frobnicate`");
    }

    // ---- delivery: duplicates, redelivery, reconnects

    @Test
    void sameEventOnTwoConnectedInstancesIsAppliedOnce() throws Exception {
        String ts = issuePost("two-instances");
        try (SocketModeRunner second = new SocketModeRunner(SlackConfiguration.slack(slackSettings),
                slackSettings.botToken(), socketSettings, routes)) {
            second.start();
            await("two connections", () -> SLACK.socketMode().openConnections() == 2);
            double success = count("success");
            double duplicate = count("duplicate");
            List<String> envelopes = SLACK.socketMode().sendEventToEachConnection(eventId(),
                    reaction("reaction_added", NOBODY, "eyes", CHANNEL, ts));
            await("both acknowledged", () -> envelopes.stream().allMatch(SLACK.socketMode()::acknowledged));
            await("one applied, one duplicate", () -> count("success") == success + 1
                    && count("duplicate") == duplicate + 1);
            assertThat(store.findIssueBySlackPostId(CHANNEL, ts).orElseThrow().investigatedByUser())
                    .isEqualTo("Pete Plain");
        }
        await("back to one connection", () -> SLACK.socketMode().openConnections() == 1);
    }

    @Test
    void lostAckIsRedeliveredAndAppliedOnce() {
        String ts = issuePost("redelivered");
        double success = count("success");
        double duplicate = count("duplicate");
        SLACK.socketMode().loseNextAcks(1);
        String id = SLACK.socketMode().sendEvent(eventId(), reaction("reaction_added", CHANNEL_ADMIN, "mask", CHANNEL,
                ts));
        await("acknowledged on redelivery", () -> SLACK.socketMode().acknowledged(id));
        assertThat(SLACK.socketMode().deliveries().stream().filter(d -> d.envelopeId().equals(id)))
                .extracting(FakeSocketMode.Delivery::retryAttempt).containsExactly(0, 1);
        await("applied once", () -> count("success") == success + 1 && count("duplicate") == duplicate + 1);
        assertThat(store.findIssueBySlackPostId(CHANNEL, ts).orElseThrow().mutedByUser()).isEqualTo("Carl Channel");
    }

    @Test
    void droppedSocketAndDisconnectAreFollowedByReconnects() {
        String ts = issuePost("reconnect");
        int opened = SLACK.socketMode().connectionsOpened();
        SLACK.socketMode().dropConnections();
        String during = SLACK.socketMode().sendEvent(eventId(), reaction("reaction_added", NOBODY, "eyes", CHANNEL,
                ts));
        await("a new connection after the drop", () -> SLACK.socketMode().connectionsOpened() > opened
                && SLACK.socketMode().openConnections() == 1);
        await("the event sent while down delivered and acknowledged", () -> SLACK.socketMode().acknowledged(during));
        awaitIssue(ts, i -> i.investigatedByUser().equals("Pete Plain"));

        int beforeRefresh = SLACK.socketMode().connectionsOpened();
        SLACK.socketMode().sendDisconnect("refresh_requested");
        await("a new connection after disconnect", () -> SLACK.socketMode().connectionsOpened() > beforeRefresh);
        await("the old one closed", () -> SLACK.socketMode().openConnections() == 1);
        react("reaction_removed", NOBODY, "eyes", ts);
        awaitIssue(ts, i -> i.investigatedByUser().isEmpty());
    }

    // ---- greetings

    @Test
    void greetsWhenJoiningAChannelAndWhenMentioned() {
        String joined = SLACK.socketMode().sendEvent(eventId(), Map.of("type", "member_joined_channel",
                "user", "U0BOT", "channel", CHANNEL, "channel_type", "C", "inviter", ADMIN, "event_ts", "1.1"));
        await("acknowledged", () -> SLACK.socketMode().acknowledged(joined));
        await("a greeting in the channel", () -> SLACK.messages().of(CHANNEL).stream()
                .anyMatch(m -> m.text() != null && m.text().startsWith("Hi! I'm *Slack Manager*")));
        FakeMessage greeting = SLACK.messages().of(CHANNEL).stream()
                .filter(m -> m.text() != null && m.text().startsWith("Hi!")).findFirst().orElseThrow();
        assertThat(greeting.text()).contains(":white_check_mark:", ":eyes:", "/slackmgr help", DOCS);

        SLACK.socketMode().sendEvent(eventId(), Map.of("type", "member_joined_channel", "user", NOBODY,
                "channel", CHANNEL, "event_ts", "1.2"));
        SLACK.socketMode().sendEvent(eventId(), Map.of("type", "app_mention", "user", GROUP_ADMIN,
                "channel", CHANNEL, "text", "<@U0BOT> hi", "ts", "1.3", "event_ts", "1.3"));
        await("an ephemeral answer to the mention", () -> !SLACK.notices().ephemeralsTo(GROUP_ADMIN).isEmpty());
        assertThat(SLACK.notices().ephemeralsTo(GROUP_ADMIN).get(0).text()).contains(DOCS);
        assertThat(SLACK.messages().of(CHANNEL).stream().filter(m -> m.text() != null && m.text().startsWith("Hi!")))
                .as("no greeting for a human joining").hasSize(1);
    }

    // ---- helpers

    private String issuePost(String correlationId) {
        Alert.Builder b = Alert.builder();
        b.timestamp = Instant.now().atOffset(ZoneOffset.UTC);
        b.slackChannelId = CHANNEL;
        b.correlationId = correlationId;
        b.header = ":status: Problem " + correlationId;
        b.text = "details";
        b.severity = "error";
        b.issueFollowUpEnabled = true;
        b.autoResolveSeconds = 3600;
        alerts.send(CHANNEL, List.of(AlertJson.encode(b.build())));
        await("the post of " + correlationId, () -> SLACK.messages().of(CHANNEL).stream()
                .anyMatch(m -> correlationId.equals(m.eventPayload().get("correlationId"))));
        String ts = SLACK.messages().of(CHANNEL).stream()
                .filter(m -> correlationId.equals(m.eventPayload().get("correlationId"))).findFirst().orElseThrow().ts();
        await("the issue stored with its post", () -> store.findIssueBySlackPostId(CHANNEL, ts).isPresent());
        return ts;
    }

    private FakeMessage post(String ts) {
        return SLACK.messages().find(CHANNEL, ts).orElseThrow();
    }

    private static String eventId() {
        return "Ev" + PREFIX + "-" + EVENTS.incrementAndGet();
    }

    private static Map<String, Object> reaction(String type, String user, String name, String channel, String ts) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("user", user);
        e.put("reaction", name);
        e.put("item_user", "U0BOT");
        e.put("item", Map.of("type", "message", "channel", channel, "ts", ts));
        e.put("event_ts", Instant.now().getEpochSecond() + ".000100");
        return e;
    }

    private void react(String type, String user, String name, String ts) {
        String id = SLACK.socketMode().sendEvent(eventId(), reaction(type, user, name, CHANNEL, ts));
        await("the " + name + " envelope acknowledged", () -> SLACK.socketMode().acknowledged(id));
    }

    private JsonNode slash(String user, String text) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("token", "fake");
        p.put("team_id", "T0FAKE");
        p.put("team_domain", "fake");
        p.put("channel_id", CHANNEL);
        p.put("channel_name", "socket");
        p.put("user_id", user);
        p.put("user_name", user.toLowerCase());
        p.put("command", "/slackmgr");
        p.put("text", text);
        p.put("api_app_id", "A0FAKE");
        p.put("response_url", "https://hooks.fake.slack.test/commands/1");
        p.put("trigger_id", "trig-" + UUID.randomUUID());
        String id = SLACK.socketMode().sendSlashCommand(p);
        await("the slash command acknowledged", () -> SLACK.socketMode().acknowledged(id));
        JsonNode payload = SLACK.socketMode().acksOf(id).get(0).payload();
        assertThat(payload).as("the ack carries the answer").isNotNull();
        return payload;
    }

    private static List<FakeNotices.Ephemeral> refusals(String user) {
        return SLACK.notices().ephemeralsTo(user).stream().filter(e -> e.text().contains("rights for")).toList();
    }

    private Issue awaitIssue(String ts, Predicate<Issue> condition) {
        await("the issue state", () -> store.findIssueBySlackPostId(CHANNEL, ts).filter(condition).isPresent());
        return store.findIssueBySlackPostId(CHANNEL, ts).orElseThrow();
    }

    private double count(String result) {
        Counter c = metrics.find("slackmgr.queue.messages.processed").tags("queue_type", "command", "result", result)
                .counter();
        return c == null ? 0 : c.count();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        assertThat(FakeSocketMode.await(WAIT, condition)).as("waiting for " + what).isTrue();
    }
}
