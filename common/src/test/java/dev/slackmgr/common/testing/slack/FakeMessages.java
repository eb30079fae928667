package dev.slackmgr.common.testing.slack;

import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages of the fake workspace, per channel, answering {@code chat.postMessage}, {@code chat.update},
 * {@code chat.delete}, {@code conversations.history} and {@code conversations.replies}. Timestamps are strictly
 * increasing across the whole workspace; blocks are kept as the JSON text the client sent, metadata as parsed
 * JSON ({@code event_type}, {@code event_payload}).
 */
public final class FakeMessages {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeWorkspace workspace;
    private final Map<String, List<FakeMessage>> byChannel = new ConcurrentHashMap<>();
    private final AtomicLong lastMicros = new AtomicLong();

    /**
     * One stored message.
     *
     * @param blocksJson blocks as sent ({@code null} = none)
     * @param metadata   {@code event_type} and {@code event_payload} as sent ({@code null} = none)
     * @param threadTs   ts of the thread parent for replies, else {@code null}
     */
    public record FakeMessage(String channel, String ts, String user, String botId, String text, String username,
                              String iconEmoji, String iconUrl, String blocksJson, Map<String, Object> metadata,
                              String threadTs) {

        /** The metadata's event payload, or an empty map. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> eventPayload() {
            Object p = metadata == null ? null : metadata.get("event_payload");
            return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        /** The metadata's event type, or {@code null}. */
        public String eventType() {
            return metadata == null ? null : (String) metadata.get("event_type");
        }
    }

    FakeMessages(FakeWorkspace workspace) {
        this.workspace = workspace;
    }

    /** True for the methods answered here. */
    static boolean handles(String method) {
        return switch (method) {
            case "chat.postMessage", "chat.update", "chat.delete", "conversations.history",
                 "conversations.replies" -> true;
            default -> false;
        };
    }

    Map<String, Object> answer(String method, Map<String, String> p) {
        return switch (method) {
            case "chat.postMessage" -> post(p);
            case "chat.update" -> update(p);
            case "chat.delete" -> delete(p);
            case "conversations.history" -> history(p);
            case "conversations.replies" -> replies(p);
            default -> FakeSlack.error("unknown_method");
        };
    }

    /** Top-level messages and replies of a channel, oldest first. */
    public List<FakeMessage> of(String channel) {
        synchronized (this) {
            return List.copyOf(byChannel.getOrDefault(channel, List.of()));
        }
    }

    /** One message by ts. */
    public Optional<FakeMessage> find(String channel, String ts) {
        return of(channel).stream().filter(m -> m.ts().equals(ts)).findFirst();
    }

    /** Adds a thread reply by a human user (e.g. to make {@code conversations.replies} report replies). */
    public synchronized FakeMessage reply(String channel, String threadTs, String user, String text) {
        FakeMessage m = new FakeMessage(channel, nextTs(), user, null, text, null, null, null, null, null, threadTs);
        byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(m);
        return m;
    }

    /** Adds a top-level message as if posted by someone else (another user or app). */
    public synchronized FakeMessage add(String channel, String user, String botId, String text,
                                        Map<String, Object> metadata) {
        FakeMessage m = new FakeMessage(channel, nextTs(), user, botId, text, null, null, null, null, metadata, null);
        byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(m);
        return m;
    }

    private String nextTs() {
        long micros = lastMicros.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1000));
        return "%d.%06d".formatted(micros / 1_000_000, micros % 1_000_000);
    }

    private Map<String, Object> channelError(String channel, boolean write) {
        Optional<FakeWorkspace.FakeChannel> c = workspace.find(channel);
        if (c.isEmpty()) {
            return FakeSlack.error("channel_not_found");
        }
        if (write && c.get().archived()) {
            return FakeSlack.error("is_archived");
        }
        if (write && !c.get().botMember()) {
            return FakeSlack.error("not_in_channel");
        }
        return null;
    }

    private synchronized Map<String, Object> post(Map<String, String> p) {
        String channel = p.get("channel");
        Map<String, Object> err = channelError(channel, true);
        if (err != null) {
            return err;
        }
        String blocks = p.get("blocks");
        if (blocks != null && !isJsonArray(blocks)) {
            return FakeSlack.error("invalid_blocks");
        }
        String threadTs = emptyToNull(p.get("thread_ts"));
        FakeMessage m = new FakeMessage(channel, nextTs(), workspace.botUserId(), FakeWorkspace.BOT_ID,
                p.getOrDefault("text", ""), emptyToNull(p.get("username")), emptyToNull(p.get("icon_emoji")),
                emptyToNull(p.get("icon_url")), blocks, parseMetadata(p.get("metadata")), threadTs);
        byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(m);
        return FakeSlack.ok("channel", channel, "ts", m.ts(), "message", json(m, true));
    }

    private synchronized Map<String, Object> update(Map<String, String> p) {
        String channel = p.get("channel");
        Map<String, Object> err = channelError(channel, true);
        if (err != null) {
            return err;
        }
        List<FakeMessage> list = byChannel.getOrDefault(channel, List.of());
        for (int i = 0; i < list.size(); i++) {
            FakeMessage old = list.get(i);
            if (old.ts().equals(p.get("ts"))) {
                if (!workspace.botUserId().equals(old.user())) {
                    return FakeSlack.error("cant_update_message");
                }
                String blocks = p.getOrDefault("blocks", old.blocksJson());
                if (blocks != null && !isJsonArray(blocks)) {
                    return FakeSlack.error("invalid_blocks");
                }
                Map<String, Object> metadata = p.containsKey("metadata") ? parseMetadata(p.get("metadata")) : old.metadata();
                FakeMessage m = new FakeMessage(channel, old.ts(), old.user(), old.botId(),
                        p.getOrDefault("text", old.text()), old.username(), old.iconEmoji(), old.iconUrl(), blocks,
                        metadata, old.threadTs());
                list.set(i, m);
                return FakeSlack.ok("channel", channel, "ts", m.ts(), "text", m.text());
            }
        }
        return FakeSlack.error("message_not_found");
    }

    private synchronized Map<String, Object> delete(Map<String, String> p) {
        String channel = p.get("channel");
        Map<String, Object> err = channelError(channel, false);
        if (err != null) {
            return err;
        }
        List<FakeMessage> list = byChannel.getOrDefault(channel, new ArrayList<>());
        Optional<FakeMessage> m = list.stream().filter(x -> x.ts().equals(p.get("ts"))).findFirst();
        if (m.isEmpty()) {
            return FakeSlack.error("message_not_found");
        }
        if (!workspace.botUserId().equals(m.get().user())) {
            return FakeSlack.error("cant_delete_message");
        }
        list.remove(m.get());
        return FakeSlack.ok("channel", channel, "ts", m.get().ts());
    }

    /** Newest first, {@code oldest}/{@code latest} exclusive unless {@code inclusive}, cursor = offset. */
    private synchronized Map<String, Object> history(Map<String, String> p) {
        String channel = p.get("channel");
        Map<String, Object> err = channelError(channel, false);
        if (err != null) {
            return err;
        }
        boolean inclusive = "true".equals(p.get("inclusive")) || "1".equals(p.get("inclusive"));
        boolean withMetadata = "true".equals(p.get("include_all_metadata")) || "1".equals(p.get("include_all_metadata"));
        long oldest = micros(p.get("oldest"), Long.MIN_VALUE);
        long latest = micros(p.get("latest"), Long.MAX_VALUE);
        List<FakeMessage> matching = byChannel.getOrDefault(channel, List.of()).stream()
                .filter(m -> m.threadTs() == null || m.threadTs().equals(m.ts()))
                .filter(m -> {
                    long ts = micros(m.ts(), 0);
                    return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
                })
                .sorted(Comparator.comparingLong((FakeMessage m) -> micros(m.ts(), 0)).reversed())
                .toList();
        return page(matching, p, withMetadata);
    }

    private synchronized Map<String, Object> replies(Map<String, String> p) {
        String channel = p.get("channel");
        Map<String, Object> err = channelError(channel, false);
        if (err != null) {
            return err;
        }
        String ts = p.get("ts");
        List<FakeMessage> all = byChannel.getOrDefault(channel, List.of());
        Optional<FakeMessage> parent = all.stream().filter(m -> m.ts().equals(ts) && m.threadTs() == null).findFirst();
        if (parent.isEmpty()) {
            return FakeSlack.error("thread_not_found");
        }
        List<FakeMessage> thread = new ArrayList<>();
        thread.add(parent.get());
        all.stream().filter(m -> ts.equals(m.threadTs())).forEach(thread::add);
        return page(thread, p, false);
    }

    private Map<String, Object> page(List<FakeMessage> messages, Map<String, String> p, boolean withMetadata) {
        int limit = p.get("limit") == null || p.get("limit").isEmpty() ? 100 : Math.max(1, Integer.parseInt(p.get("limit")));
        int offset = p.get("cursor") == null || p.get("cursor").isEmpty() ? 0 : Integer.parseInt(p.get("cursor"));
        int end = Math.min(messages.size(), offset + limit);
        List<Object> out = new ArrayList<>();
        for (FakeMessage m : messages.subList(Math.min(offset, end), end)) {
            out.add(json(m, withMetadata));
        }
        boolean more = end < messages.size();
        return FakeSlack.ok("messages", out, "has_more", more,
                "response_metadata", Map.of("next_cursor", more ? String.valueOf(end) : ""));
    }

    private Map<String, Object> json(FakeMessage m, boolean withMetadata) {
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
        if (withMetadata && m.metadata() != null) {
            j.put("metadata", m.metadata());
        }
        if (m.threadTs() != null) {
            j.put("thread_ts", m.threadTs());
        } else {
            long replies = byChannel.getOrDefault(m.channel(), List.of()).stream()
                    .filter(x -> m.ts().equals(x.threadTs())).count();
            if (replies > 0) {
                j.put("thread_ts", m.ts());
                j.put("reply_count", replies);
            }
        }
        return j;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseMetadata(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        return new LinkedHashMap<>((Map<String, Object>) JSON.readValue(json, Map.class));
    }

    private static boolean isJsonArray(String json) {
        try {
            return JSON.readTree(json).isArray();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A Slack ts ({@code seconds.micros}, fraction optional) as microseconds; exact, unlike a double. */
    private static long micros(String ts, long fallback) {
        if (ts == null || ts.isEmpty()) {
            return fallback;
        }
        int dot = ts.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(ts) * 1_000_000;
        }
        String frac = (ts.substring(dot + 1) + "000000").substring(0, 6);
        return Long.parseLong(ts.substring(0, dot)) * 1_000_000 + Long.parseLong(frac);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
