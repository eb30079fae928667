package dev.slackmgr.common.testing.slack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake workspace showed to single users: ephemeral messages ({@code chat.postEphemeral}) and opened
 * modals ({@code views.open}). Blocks, attachments and views are kept as the JSON text the client sent.
 */
public final class FakeNotices {
    private final FakeWorkspace workspace;
    private final List<Ephemeral> ephemerals = new CopyOnWriteArrayList<>();
    private final List<View> views = new CopyOnWriteArrayList<>();
    private final AtomicLong counter = new AtomicLong(1_700_000_000_000_000L);

    /** One ephemeral message: to {@code user} in {@code channel}. */
    public record Ephemeral(String channel, String user, String text, String blocksJson, String attachmentsJson) {
        /** Text, blocks and attachments together, for assertions on what the user saw. */
        public String allText() {
            return String.join("\n", text == null ? "" : text, blocksJson == null ? "" : blocksJson,
                    attachmentsJson == null ? "" : attachmentsJson);
        }
    }

    /** One opened modal. */
    public record View(String id, String triggerId, String viewJson) {
    }

    FakeNotices(FakeWorkspace workspace) {
        this.workspace = workspace;
    }

    static boolean handles(String method) {
        return method.equals("chat.postEphemeral") || method.equals("views.open");
    }

    Map<String, Object> answer(String method, Map<String, String> p) {
        return method.equals("chat.postEphemeral") ? postEphemeral(p) : openView(p);
    }

    public List<Ephemeral> ephemerals() {
        return List.copyOf(ephemerals);
    }

    /** The ephemeral messages one user got, oldest first. */
    public List<Ephemeral> ephemeralsTo(String user) {
        return ephemerals.stream().filter(e -> e.user().equals(user)).toList();
    }

    public List<View> views() {
        return List.copyOf(views);
    }

    private Map<String, Object> postEphemeral(Map<String, String> p) {
        String channel = p.getOrDefault("channel", "");
        if (workspace.find(channel).isEmpty()) {
            return FakeSlack.error("channel_not_found");
        }
        String user = p.getOrDefault("user", "");
        if (workspace.userInfo(user).isEmpty()) {
            return FakeSlack.error("user_not_found");
        }
        if (!p.containsKey("text") && !p.containsKey("blocks") && !p.containsKey("attachments")) {
            return FakeSlack.error("no_text");
        }
        ephemerals.add(new Ephemeral(channel, user, p.get("text"), p.get("blocks"), p.get("attachments")));
        return FakeSlack.ok("message_ts", ts());
    }

    private Map<String, Object> openView(Map<String, String> p) {
        String trigger = p.getOrDefault("trigger_id", "");
        if (trigger.isEmpty()) {
            return FakeSlack.error("invalid_arguments");
        }
        if (!p.containsKey("view")) {
            return FakeSlack.error("invalid_arguments");
        }
        String id = "V" + counter.incrementAndGet();
        views.add(new View(id, trigger, p.get("view")));
        return FakeSlack.ok("view", Map.of("id", id));
    }

    private String ts() {
        long micros = counter.incrementAndGet();
        return (micros / 1_000_000) + "." + "%06d".formatted(micros % 1_000_000);
    }
}
