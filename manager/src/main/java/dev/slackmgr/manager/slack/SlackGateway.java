package dev.slackmgr.manager.slack;

import dev.slackmgr.manager.post.PostContent;

import java.time.Instant;
import java.util.Optional;

/**
 * The Slack Web API calls the manager makes for issue posts. Implementations retry transient failures
 * (5xx, timeouts, 429 after waiting {@code Retry-After}) and throw {@link SlackCallException} when a call
 * finally fails: {@code transientFailure() == false} for Slack's answer errors such as
 * {@code channel_not_found}, {@code true} when Slack could not be reached in time (the caller retries the
 * whole message later).
 */
public interface SlackGateway {

    /**
     * {@code chat.postMessage} with blocks, fallback text, username/icon and message metadata; returns the ts.
     * A failure that may have posted (I/O error, timeout, 5xx) is not retried: it is thrown as a transient
     * {@link SlackCallException} at once, for the caller to look for the post before posting again.
     */
    String postMessage(PostContent content);

    /** {@code chat.update} of the post {@code ts} to {@code content} (metadata included). */
    void updateMessage(String channelId, String ts, PostContent content);

    /** {@code chat.delete}; "already gone" errors are not failures. */
    void deleteMessage(String channelId, String ts);

    /** True when the message has thread replies ({@code conversations.replies}). */
    boolean hasReplies(String channelId, String ts);

    /**
     * The ts of a post made by this bot since {@code since} whose metadata names this correlation ID
     * ({@code conversations.history} with metadata), used to adopt a post made just before a crash.
     */
    Optional<String> findIssuePost(String channelId, String correlationId, Instant since);

    /**
     * Takes a rate-limit slot for one call of {@code action} about this channel if one is free right now (the next
     * such call on this thread uses it), for callers that must not wait while holding a lock.
     *
     * @return zero when reserved, else roughly how long until a slot is free
     */
    java.time.Duration reserveNow(SlackAction action, String channelId);

    /**
     * The channel's name without waiting: the cached one (refreshed in the background when stale), or "" while it
     * is being looked up in the background.
     */
    String channelNameNow(String channelId);

    /** Channel name and whether the bot is a member (cached); used for escalation moves and metric labels. */
    ChannelView channel(String channelId);

    /** What the manager needs to know about a channel. */
    record ChannelView(String id, String name, boolean exists, boolean botMember) {
    }
}
