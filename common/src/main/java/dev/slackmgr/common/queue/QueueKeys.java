package dev.slackmgr.common.queue;

import java.util.Objects;

/**
 * Redis key layout of one queue (queue-and-locks.md §3.3), made Redis-Cluster safe.
 *
 * <p>Per-channel keys carry the channel id as hash tag, so the stream and the lock of one channel live in
 * one slot and every channel script touches exactly one slot:
 * <ul>
 *   <li>stream: {@code <prefix>:<queue>:stream:{<channel>}}</li>
 *   <li>lock: {@code <prefix>:<queue>:lock:{<channel>}}</li>
 * </ul>
 * Queue-wide keys carry the queue name as hash tag and are never touched by a channel script:
 * <ul>
 *   <li>index set: {@code <prefix>:<queue>:streams:{<queue>}}</li>
 *   <li>activity zset: {@code <prefix>:<queue>:stream-activity:{<queue>}}</li>
 *   <li>notification stream: {@code <prefix>:<queue>:notify:{<queue>}}</li>
 *   <li>dead-letter stream: {@code <prefix>:<queue>:dead-letters:{<queue>}}</li>
 * </ul>
 */
public record QueueKeys(String prefix, String queue) {
    public static final String DEFAULT_PREFIX = "slack-manager:queue";
    public static final String ALERTS = "alerts";
    public static final String COMMANDS = "commands";
    public static final String DEFAULT_GROUP = "slack-manager";
    public static final String FIELD_CHANNEL_ID = "channel_id";
    public static final String FIELD_BODY = "body";

    public QueueKeys {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(queue, "queue");
        if (prefix.isEmpty() || prefix.contains("{") || prefix.contains("}")) {
            throw new IllegalArgumentException("key prefix must be non-empty and must not contain braces");
        }
        if (queue.isEmpty() || !queue.matches("[^:\\s{}]+")) {
            throw new IllegalArgumentException("queue name must be non-empty without ':', whitespace or braces: '" + queue + "'");
        }
    }

    /** Keys of {@code queue} under the default prefix. */
    public static QueueKeys of(String queue) {
        return new QueueKeys(DEFAULT_PREFIX, queue);
    }

    public String stream(String channelId) {
        return base() + "stream:{" + requireChannel(channelId) + "}";
    }

    public String lock(String channelId) {
        return base() + "lock:{" + requireChannel(channelId) + "}";
    }

    public String index() {
        return base() + "streams:{" + queue + "}";
    }

    public String activity() {
        return base() + "stream-activity:{" + queue + "}";
    }

    public String notifications() {
        return base() + "notify:{" + queue + "}";
    }

    public String deadLetters() {
        return base() + "dead-letters:{" + queue + "}";
    }

    /** The channel id of a stream key of this queue, or {@code null} when the key is not one. */
    public String channelOf(String streamKey) {
        String start = base() + "stream:{";
        if (streamKey == null || !streamKey.startsWith(start) || !streamKey.endsWith("}")) {
            return null;
        }
        String channel = streamKey.substring(start.length(), streamKey.length() - 1);
        return channel.isEmpty() ? null : channel;
    }

    private String base() {
        return prefix + ":" + queue + ":";
    }

    private static String requireChannel(String channelId) {
        if (channelId == null || channelId.isEmpty() || channelId.contains("{") || channelId.contains("}")) {
            throw new IllegalArgumentException("channel id must be non-empty without braces");
        }
        return channelId;
    }
}
