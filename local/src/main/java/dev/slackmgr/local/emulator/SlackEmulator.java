package dev.slackmgr.local.emulator;

import com.sun.net.httpserver.HttpExchange;
import dev.slackmgr.common.testing.slack.FakeMessages.FakeMessage;
import dev.slackmgr.common.testing.slack.FakeNotices;
import dev.slackmgr.common.testing.slack.FakeSlack;
import dev.slackmgr.common.testing.slack.FakeSocketMode;
import dev.slackmgr.common.testing.slack.FakeWorkspace;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Slack workspace to try slackmgr without Slack: the {@link FakeSlack} of the tests (Web API over HTTP and a
 * Socket Mode WebSocket server) plus a web page at {@link #pageUrl()} that shows the channels and their posts
 * rendered from Block Kit, and lets a user react, click buttons and type slash commands.
 *
 * <p>What the user does on the page reaches the app over Socket Mode exactly as Slack sends it: a reaction is a
 * {@code reaction_added} / {@code reaction_removed} {@code events_api} envelope, a button a {@code block_actions}
 * {@code interactive} envelope, a slash command a {@code slash_commands} envelope. Ephemeral messages
 * ({@code chat.postEphemeral}), slash command answers (in the acknowledgement) and modals ({@code views.open}) are
 * shown to the user they were meant for.
 *
 * <p>The page's JSON endpoints: {@code GET /emulator/state}, {@code POST /emulator/reaction}
 * ({@code channel, ts, name, user}: toggles), {@code POST /emulator/action} ({@code channel, ts, blockId, actionId,
 * user}), {@code POST /emulator/command} ({@code channel, user, text}, e.g. {@code "/slackmgr list"}).
 */
public final class SlackEmulator implements AutoCloseable {
    public static final String BOT_USER = "U0LOCALBOT";
    public static final String ADMIN_USER = "U0LOCALADM";
    public static final String PLAIN_USER = "U0LOCALUSR";
    public static final String ALERTS_CHANNEL = "C0123456789";
    public static final String OPS_CHANNEL = "C0000000002";
    public static final String BOT_TOKEN = "xoxb-local-emulator";
    public static final String APP_TOKEN = "xapp-local-emulator";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ACK_WAIT = Duration.ofSeconds(3);

    private final FakeSlack slack;
    /** channel/ts → reaction name → users, in the order they reacted. */
    private final Map<String, Map<String, Set<String>>> reactions = new LinkedHashMap<>();
    private final List<Notice> notices = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicLong eventIds = new AtomicLong();
    private int ephemeralsSeen;

    /** Something shown to one user only: an ephemeral message or a slash command's answer. */
    record Notice(long seq, String channel, String user, String text, String blocksJson, String source, long at) {
    }

    /** An envelope sent to the app, for the page's event log. */
    record Sent(String envelopeId, String type, String summary, long at) {
    }

    private SlackEmulator(FakeSlack slack) {
        this.slack = slack;
        slack.serve("/emulator/", this::handleJson);
        slack.serve("/", this::handleStatic);
    }

    /** Starts the emulator with the {@link #demoWorkspace()} on {@code port} (0 = any free port). */
    public static SlackEmulator start(int port) {
        return new SlackEmulator(new FakeSlack(demoWorkspace(), new InetSocketAddress("127.0.0.1", port)));
    }

    /** Runs the emulator alone (e.g. for an API and manager started elsewhere with its URL and tokens). */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        SlackEmulator emulator = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.printf("%n  Slack emulator: %s%n  SLACK_API_URL=%s SLACK_BOT_TOKEN=%s SLACK_APP_TOKEN=%s%n%n",
                emulator.pageUrl(), emulator.apiUrl(), BOT_TOKEN, APP_TOKEN);
    }

    /**
     * The workspace: channels {@code #alerts} ({@value #ALERTS_CHANNEL}) and {@code #ops} ({@value #OPS_CHANNEL}), a
     * global admin (Ada Admin) and a user without admin rights (Pete Plain).
     */
    public static FakeWorkspace demoWorkspace() {
        return new FakeWorkspace(BOT_USER)
                .channel(ALERTS_CHANNEL, "alerts")
                .channel(OPS_CHANNEL, "ops")
                .user(ADMIN_USER, "Ada Admin")
                .user(PLAIN_USER, "Pete Plain");
    }

    /** Manager settings for the demo workspace: Ada Admin is a global admin. */
    public static String managerSettingsYaml() {
        return """
                # written by local mode for the Slack emulator's workspace
                globalAdmins: [%s]
                """.formatted(ADMIN_USER);
    }

    public FakeSlack slack() {
        return slack;
    }

    /** The Web API base URL ({@code SLACK_API_URL}). */
    public String apiUrl() {
        return slack.apiUrl();
    }

    /** The web page. */
    public String pageUrl() {
        return "http://localhost:" + slack.port() + "/";
    }

    /** The users a reaction by {@code user} on this message is recorded for, by reaction name. */
    public synchronized Map<String, List<String>> reactionsOf(String channel, String ts) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        reactions.getOrDefault(channel + "/" + ts, Map.of()).forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /**
     * Adds {@code user}'s reaction {@code name} to a message, or removes it when it is there, and sends the matching
     * {@code reaction_added} / {@code reaction_removed} event; returns the envelope ID.
     */
    public String toggleReaction(String channel, String ts, String name, String user) {
        FakeMessage message = slack.messages().find(channel, ts)
                .orElseThrow(() -> new IllegalArgumentException("no message " + ts + " in " + channel));
        boolean added;
        synchronized (this) {
            Map<String, Set<String>> byName = reactions.computeIfAbsent(channel + "/" + ts, k -> new LinkedHashMap<>());
            Set<String> users = byName.computeIfAbsent(name, k -> new LinkedHashSet<>());
            added = users.add(user);
            if (!added) {
                users.remove(user);
            }
            if (users.isEmpty()) {
                byName.remove(name);
            }
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", added ? "reaction_added" : "reaction_removed");
        event.put("user", user);
        event.put("reaction", name);
        if (message.user() != null) {
            event.put("item_user", message.user());
        }
        event.put("item", Map.of("type", "message", "channel", channel, "ts", ts));
        event.put("event_ts", slackTs(Instant.now()));
        String id = socketMode().sendEvent("Ev" + eventIds.incrementAndGet() + UUID.randomUUID().toString()
                .substring(0, 8).toUpperCase(), event);
        log(id, "events_api", (added ? "reaction_added :" : "reaction_removed :") + name + ": by " + userName(user));
        return id;
    }

    /** Clicks a button of a message: sends a {@code block_actions} envelope; returns the envelope ID. */
    public String clickButton(String channel, String ts, String blockId, String actionId, String user) {
        FakeMessage message = slack.messages().find(channel, ts)
                .orElseThrow(() -> new IllegalArgumentException("no message " + ts + " in " + channel));
        Map<String, Object> button = findButton(message, blockId, actionId)
                .orElseThrow(() -> new IllegalArgumentException("no button " + blockId + "/" + actionId));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "button");
        action.put("action_id", actionId);
        action.put("block_id", blockId);
        action.put("text", button.getOrDefault("text", Map.of("type", "plain_text", "text", "")));
        if (button.get("value") != null) {
            action.put("value", button.get("value"));
        }
        if (button.get("style") != null) {
            action.put("style", button.get("style"));
        }
        action.put("action_ts", slackTs(Instant.now()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "block_actions");
        payload.put("user", userJson(user));
        payload.put("api_app_id", "A0FAKE");
        payload.put("token", "fake-verification-token");
        payload.put("container", Map.of("type", "message", "message_ts", ts, "channel_id", channel,
                "is_ephemeral", false));
        payload.put("trigger_id", triggerId());
        payload.put("team", Map.of("id", "T0FAKE", "domain", "fake"));
        payload.put("enterprise", null);
        payload.put("is_enterprise_install", false);
        payload.put("channel", Map.of("id", channel, "name", channelName(channel)));
        payload.put("message", messageJson(message));
        payload.put("state", Map.of("values", Map.of()));
        payload.put("response_url", "https://hooks.fake.slack.test/actions/" + UUID.randomUUID());
        payload.put("actions", List.of(action));
        String id = socketMode().sendInteractive(payload);
        log(id, "interactive", "block_actions " + actionId + " by " + userName(user));
        return id;
    }

    /**
     * Types a slash command ({@code "/slackmgr list"}): sends a {@code slash_commands} envelope, waits up to 3 s for
     * the acknowledgement and shows its answer (if any) to the user; returns the answer's text or {@code null}.
     */
    public String slashCommand(String channel, String user, String line) {
        String trimmed = line.trim();
        int space = trimmed.indexOf(' ');
        String command = space < 0 ? trimmed : trimmed.substring(0, space);
        String text = space < 0 ? "" : trimmed.substring(space + 1).trim();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("token", "fake-verification-token");
        p.put("team_id", "T0FAKE");
        p.put("team_domain", "fake");
        p.put("channel_id", channel);
        p.put("channel_name", channelName(channel));
        p.put("user_id", user);
        p.put("user_name", slack.workspace().userInfo(user).map(FakeWorkspace.FakeUser::name).orElse(user));
        p.put("command", command);
        p.put("text", text);
        p.put("api_app_id", "A0FAKE");
        p.put("is_enterprise_install", "false");
        p.put("response_url", "https://hooks.fake.slack.test/commands/" + UUID.randomUUID());
        p.put("trigger_id", triggerId());
        String id = socketMode().sendSlashCommand(p);
        log(id, "slash_commands", command + " " + text + " by " + userName(user));
        if (!FakeSocketMode.await(ACK_WAIT, () -> socketMode().acknowledged(id))) {
            notice(channel, user, "`" + trimmed + "` was not acknowledged within 3 s (is the manager connected?)",
                    null, "emulator");
            return null;
        }
        var payload = socketMode().acksOf(id).get(0).payload();
        if (payload == null || payload.isNull()) {
            return null;
        }
        String answer = payload.has("text") ? payload.get("text").asString() : "";
        String blocks = payload.has("blocks") ? JSON.writeValueAsString(payload.get("blocks")) : null;
        notice(channel, user, answer, blocks, command);
        return answer;
    }

    private void notice(String channel, String user, String text, String blocksJson, String source) {
        notices.add(new Notice(eventIds.incrementAndGet(), channel, user, text, blocksJson, source,
                System.currentTimeMillis()));
    }

    private void log(String envelopeId, String type, String summary) {
        sent.add(new Sent(envelopeId, type, summary, System.currentTimeMillis()));
        while (sent.size() > 50) {
            sent.remove(0);
        }
    }

    private FakeSocketMode socketMode() {
        return slack.socketMode();
    }

    /** Everything the page shows. */
    public synchronized Map<String, Object> state() {
        syncEphemerals();
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> channels = new ArrayList<>();
        for (FakeWorkspace.FakeChannel c : slack.workspace().channels().stream()
                .sorted(java.util.Comparator.comparing(FakeWorkspace.FakeChannel::name)).toList()) {
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("id", c.id());
            ch.put("name", c.name());
            List<Object> messages = new ArrayList<>();
            for (FakeMessage m : slack.messages().of(c.id())) {
                Map<String, Object> j = messageJson(m);
                j.put("userName", userName(m.user()));
                if (m.iconEmoji() != null) {
                    j.put("icon_emoji", m.iconEmoji());
                }
                List<Object> rs = new ArrayList<>();
                reactions.getOrDefault(c.id() + "/" + m.ts(), Map.of()).forEach((name, users) -> rs.add(Map.of(
                        "name", name, "count", users.size(), "users", List.copyOf(users))));
                j.put("reactions", rs);
                messages.add(j);
            }
            ch.put("messages", messages);
            channels.add(ch);
        }
        out.put("channels", channels);
        List<Object> users = new ArrayList<>();
        for (FakeWorkspace.FakeUser u : slack.workspace().users()) {
            if (!u.bot()) {
                users.add(Map.of("id", u.id(), "name", u.realName(),
                        "role", u.id().equals(ADMIN_USER) ? "global admin" : "no admin rights"));
            }
        }
        out.put("users", users);
        out.put("botUserId", slack.workspace().botUserId());
        List<Object> ns = new ArrayList<>();
        for (Notice n : notices) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("seq", n.seq());
            j.put("channel", n.channel());
            j.put("user", n.user());
            j.put("text", n.text());
            j.put("blocks", n.blocksJson() == null ? null : JSON.readValue(n.blocksJson(), List.class));
            j.put("source", n.source());
            j.put("at", n.at());
            ns.add(j);
        }
        out.put("notices", ns);
        List<Object> views = new ArrayList<>();
        for (FakeNotices.View v : slack.notices().views()) {
            views.add(Map.of("id", v.id(), "view", JSON.readValue(v.viewJson(), Map.class)));
        }
        out.put("views", views);
        List<Object> log = new ArrayList<>();
        for (Sent s : sent) {
            log.add(Map.of("envelopeId", s.envelopeId(), "type", s.type(), "summary", s.summary(), "at", s.at(),
                    "acked", socketMode().acknowledged(s.envelopeId())));
        }
        out.put("events", log);
        out.put("socketModeConnections", socketMode().openConnections());
        return out;
    }

    /** Copies new {@code chat.postEphemeral} messages into the notices, in the order they came. */
    private void syncEphemerals() {
        List<FakeNotices.Ephemeral> all = slack.notices().ephemerals();
        for (int i = ephemeralsSeen; i < all.size(); i++) {
            FakeNotices.Ephemeral e = all.get(i);
            notice(e.channel(), e.user(), e.text(), e.blocksJson(), "chat.postEphemeral");
        }
        ephemeralsSeen = all.size();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> findButton(FakeMessage m, String blockId, String actionId) {
        if (m.blocksJson() == null) {
            return Optional.empty();
        }
        List<Map<String, Object>> blocks = JSON.readValue(m.blocksJson(), List.class);
        int index = 0;
        for (Map<String, Object> block : blocks) {
            index++;
            Object id = block.get("block_id");
            if (!blockId.equals(id) && !(id == null && blockId.equals("emulator-block-" + index))) {
                continue;
            }
            List<Object> elements = new ArrayList<>();
            if (block.get("elements") instanceof List<?> l) {
                elements.addAll(l);
            }
            if (block.get("accessory") != null) {
                elements.add(block.get("accessory"));
            }
            for (Object e : elements) {
                if (e instanceof Map<?, ?> el && actionId.equals(el.get("action_id"))) {
                    return Optional.of((Map<String, Object>) el);
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> messageJson(FakeMessage m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("type", "message");
        j.put("ts", m.ts());
        j.put("user", m.user());
        if (m.botId() != null) {
            j.put("bot_id", m.botId());
        }
        j.put("text", m.text());
        if (m.username() != null) {
            j.put("username", m.username());
        }
        if (m.blocksJson() != null) {
            j.put("blocks", JSON.readValue(m.blocksJson(), List.class));
        }
        if (m.metadata() != null) {
            j.put("metadata", m.metadata());
        }
        if (m.threadTs() != null) {
            j.put("thread_ts", m.threadTs());
        }
        return j;
    }

    private Map<String, Object> userJson(String user) {
        FakeWorkspace.FakeUser u = slack.workspace().userInfo(user)
                .orElse(new FakeWorkspace.FakeUser(user, user, user, false));
        return Map.of("id", u.id(), "username", u.name(), "name", u.name(), "team_id", "T0FAKE");
    }

    private String userName(String user) {
        return slack.workspace().userInfo(user).map(FakeWorkspace.FakeUser::realName).orElse(user);
    }

    private String channelName(String channel) {
        return slack.workspace().find(channel).map(FakeWorkspace.FakeChannel::name).orElse(channel);
    }

    private static String triggerId() {
        return "trig." + UUID.randomUUID();
    }

    private static String slackTs(Instant t) {
        return "%d.%06d".formatted(t.getEpochSecond(), t.getNano() / 1000);
    }

    // ---- HTTP

    @SuppressWarnings("unchecked")
    private void handleJson(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Object answer;
            int status = 200;
            try {
                if (path.equals("/emulator/state") && ex.getRequestMethod().equals("GET")) {
                    answer = state();
                } else if (ex.getRequestMethod().equals("POST")) {
                    Map<String, Object> body = JSON.readValue(ex.getRequestBody().readAllBytes(), Map.class);
                    answer = switch (path) {
                        case "/emulator/reaction" -> Map.of("envelopeId", toggleReaction(str(body, "channel"),
                                str(body, "ts"), str(body, "name"), str(body, "user")));
                        case "/emulator/action" -> Map.of("envelopeId", clickButton(str(body, "channel"),
                                str(body, "ts"), str(body, "blockId"), str(body, "actionId"), str(body, "user")));
                        case "/emulator/command" -> {
                            String text = slashCommand(str(body, "channel"), str(body, "user"), str(body, "text"));
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("answer", text);
                            yield m;
                        }
                        default -> null;
                    };
                    if (answer == null) {
                        status = 404;
                        answer = Map.of("error", "not found");
                    }
                } else {
                    status = 404;
                    answer = Map.of("error", "not found");
                }
            } catch (IllegalArgumentException e) {
                status = 400;
                answer = Map.of("error", String.valueOf(e.getMessage()));
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    private static String str(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v.toString();
    }

    private void handleStatic(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String file = switch (path) {
                case "/", "/index.html" -> "index.html";
                case "/app.js" -> "app.js";
                case "/app.css" -> "app.css";
                default -> null;
            };
            if (file == null || !ex.getRequestMethod().equals("GET")) {
                byte[] bytes = "not found".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(404, bytes.length);
                ex.getResponseBody().write(bytes);
                return;
            }
            byte[] bytes;
            try (InputStream in = SlackEmulator.class.getResourceAsStream("/slack-emulator/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource slack-emulator/" + file);
                }
                bytes = in.readAllBytes();
            }
            String type = file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "text/javascript" : "text/css";
            ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        slack.close();
    }
}
