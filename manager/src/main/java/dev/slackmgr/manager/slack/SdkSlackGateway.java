package dev.slackmgr.manager.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.auth.AuthTestRequest;
import com.slack.api.methods.request.chat.ChatDeleteRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsHistoryRequest;
import com.slack.api.methods.request.conversations.ConversationsInfoRequest;
import com.slack.api.methods.request.conversations.ConversationsRepliesRequest;
import com.slack.api.methods.request.users.UsersConversationsRequest;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.users.UsersConversationsResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;
import dev.slackmgr.manager.post.PostContent;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link SlackGateway} on the Slack Java SDK's {@link MethodsClient}; every call goes through the
 * {@link SlackCallRunner} (gate, pacing, concurrency limit, retries, metrics).
 *
 * <p>Expected errors (slack-interactions.md §9): {@code chat.delete} treats {@code channel_not_found},
 * {@code is_archived}, {@code message_not_found} and {@code cant_delete_message} as "already gone";
 * {@code conversations.replies} answers "no replies" for {@code channel_not_found} / {@code thread_not_found};
 * {@code conversations.info} answers {@code channel_not_found} with a non-existing {@link ChannelView}, which is
 * cached like any other answer ({@code channelCacheTtl}).
 */
public final class SdkSlackGateway implements SlackGateway {
    static final Set<String> ALREADY_GONE = Set.of("channel_not_found", "is_archived", "message_not_found",
            "cant_delete_message");
    private static final Set<String> NO_THREAD = Set.of("channel_not_found", "thread_not_found");
    private static final Set<String> NO_CHANNEL = Set.of("channel_not_found");
    private static final int HISTORY_PAGE_SIZE = 200;
    private static final int HISTORY_MAX_PAGES = 10;

    private final MethodsClient methods;
    private final SlackCallRunner runner;
    private final SlackMetrics metrics;
    private final Cache<String, ChannelView> channels;
    private volatile BotIdentity bot;
    /** Channel names change rarely: {@link #channelNameNow} refreshes them every ten minutes, not every cache TTL. */
    private static final long NAME_REFRESH_NANOS = Duration.ofMinutes(10).toNanos();

    /** A looked-up name and when. */
    private record Named(String name, long atNanos) {
    }

    /** At most one read of the bot's channel list ({@link #namedByDirectory}) per 30 s. */
    private static final long DIRECTORY_MIN_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int DIRECTORY_MAX_PAGES = 10;
    /** {@code System.nanoTime()} of the last read of the bot's channel list; 0 = never. */
    private volatile long directoryReadAt;

    /** Last known names (kept past the cache's expiry, so a stale name is served while it is refreshed). */
    private final java.util.Map<String, Named> names = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> lookups = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "slack-channel-lookups");
                t.setDaemon(true);
                return t;
            });
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SdkSlackGateway.class);

    /** Who this bot is, from {@code auth.test}: messages by either ID are its own. */
    private record BotIdentity(String userId, String botId) {
        boolean authored(Message m) {
            return (userId != null && userId.equals(m.getUser())) || (botId != null && botId.equals(m.getBotId()));
        }
    }

    public SdkSlackGateway(MethodsClient methods, SlackCallRunner runner, SlackMetrics metrics,
                           Duration channelCacheTtl) {
        this.methods = methods;
        this.runner = runner;
        this.metrics = metrics;
        this.channels = Caffeine.newBuilder().expireAfterWrite(channelCacheTtl).maximumSize(10_000).build();
    }

    @Override
    public String postMessage(PostContent content) {
        ChatPostMessageRequest.ChatPostMessageRequestBuilder req = ChatPostMessageRequest.builder()
                .channel(content.channelId())
                .blocks(content.blocks())
                .text(emptyToNull(content.text()))
                .username(emptyToNull(content.username()))
                .iconEmoji(emptyToNull(content.iconEmoji()))
                .iconUrl(emptyToNull(content.iconUrl()))
                .metadata(metadata(content.metadata()));
        // never repeated blindly: PostCalls looks for the post (post intent) before posting again
        ChatPostMessageResponse r = runner.call(SlackAction.CHAT_POST, content.channelId(), Set.of(), false,
                () -> methods.chatPostMessage(req.build()));
        if (r.getTs() == null || r.getTs().isEmpty()) {
            throw new SlackCallException(SlackAction.CHAT_POST.label(), "empty_ts", false, null);
        }
        return r.getTs();
    }

    @Override
    public void updateMessage(String channelId, String ts, PostContent content) {
        ChatUpdateRequest req = ChatUpdateRequest.builder()
                .channel(channelId)
                .ts(ts)
                .blocks(content.blocks())
                .text(emptyToNull(content.text()))
                .metadata(metadata(content.metadata()))
                .build();
        runner.call(SlackAction.CHAT_UPDATE, channelId, Set.of(), () -> methods.chatUpdate(req));
    }

    @Override
    public void deleteMessage(String channelId, String ts) {
        ChatDeleteRequest req = ChatDeleteRequest.builder().channel(channelId).ts(ts).build();
        runner.call(SlackAction.CHAT_DELETE, channelId, ALREADY_GONE, () -> methods.chatDelete(req));
    }

    @Override
    public boolean hasReplies(String channelId, String ts) {
        ConversationsRepliesRequest req = ConversationsRepliesRequest.builder()
                .channel(channelId).ts(ts).inclusive(true).limit(3).build();
        ConversationsRepliesResponse r = runner.call(SlackAction.CONVERSATIONS_REPLIES, channelId, NO_THREAD,
                () -> methods.conversationsReplies(req));
        return r.isOk() && r.getMessages() != null && r.getMessages().size() > 1;
    }

    /**
     * Reads the channel history since {@code since} (newest first, with metadata, at most
     * {@value #HISTORY_MAX_PAGES} pages of {@value #HISTORY_PAGE_SIZE}) and returns the newest post of this bot
     * whose metadata is an issue post ({@link PostContent.Metadata#EVENT_TYPE}) of {@code correlationId}.
     */
    @Override
    public Optional<String> findIssuePost(String channelId, String correlationId, Instant since) {
        BotIdentity me = bot();
        String oldest = "%d.%06d".formatted(since.getEpochSecond(), since.getNano() / 1000);
        String cursor = null;
        for (int page = 0; page < HISTORY_MAX_PAGES; page++) {
            ConversationsHistoryRequest req = ConversationsHistoryRequest.builder()
                    .channel(channelId).oldest(oldest).includeAllMetadata(true).limit(HISTORY_PAGE_SIZE)
                    .cursor(cursor).build();
            ConversationsHistoryResponse r = runner.call(SlackAction.CONVERSATIONS_HISTORY, channelId, NO_CHANNEL,
                    () -> methods.conversationsHistory(req));
            if (!r.isOk() || r.getMessages() == null) {
                return Optional.empty();
            }
            Optional<String> found = r.getMessages().stream()
                    .filter(me::authored)
                    .filter(m -> isIssuePost(m, correlationId))
                    .map(Message::getTs)
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
            cursor = r.getResponseMetadata() == null ? null : emptyToNull(r.getResponseMetadata().getNextCursor());
            if (!r.isHasMore() || cursor == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the names of all channels the bot is in ({@code users.conversations}, one call per 999 channels)
     * unless that was done during the last {@link #DIRECTORY_MIN_INTERVAL_NANOS}: a storm over 100 new channels
     * costs one call instead of 100 {@code conversations.info} calls (about two minutes of their Tier 3 budget).
     * Runs on the single background thread.
     *
     * @return whether this read named {@code channelId} (else the caller asks {@code conversations.info})
     */
    private boolean namedByDirectory(String channelId) {
        long start = System.nanoTime();
        if (directoryReadAt != 0 && start - directoryReadAt < DIRECTORY_MIN_INTERVAL_NANOS) {
            return false;
        }
        directoryReadAt = start;
        String cursor = null;
        try {
            for (int page = 0; page < DIRECTORY_MAX_PAGES; page++) {
                UsersConversationsRequest req = UsersConversationsRequest.builder()
                        .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                        .excludeArchived(true).limit(999).cursor(cursor).build();
                UsersConversationsResponse r = runner.call(SlackAction.USERS_CONVERSATIONS, null, Set.of(),
                        () -> methods.usersConversations(req));
                if (!r.isOk() || r.getChannels() == null) {
                    break;
                }
                for (Conversation c : r.getChannels()) {
                    String name = Objects.requireNonNullElse(c.getName(), "");
                    names.put(c.getId(), new Named(name, System.nanoTime()));
                    channels.put(c.getId(), new ChannelView(c.getId(), name, true, !c.isArchived()));
                }
                cursor = r.getResponseMetadata() == null ? null : emptyToNull(r.getResponseMetadata().getNextCursor());
                if (cursor == null) {
                    break;
                }
            }
        } catch (SlackCallException e) {
            log.debug("users.conversations failed: {}", e.toString());
        }
        Named n = names.get(channelId);
        return n != null && n.atNanos() >= start;
    }

    /**
     * {@code conversations.info}, cached. {@code botMember} is false for archived channels (nothing can be posted
     * there).
     */
    @Override
    public Duration reserveNow(SlackAction action, String channelId) {
        return runner.reserveNow(action, channelId);
    }

    @Override
    public String channelNameNow(String channelId) {
        Named known = names.get(channelId);
        if (known != null && System.nanoTime() - known.atNanos() < NAME_REFRESH_NANOS) {
            metrics.cache(SlackAction.CONVERSATIONS_INFO, true);
            return known.name();
        }
        ChannelView cached = channels.getIfPresent(channelId);
        metrics.cache(SlackAction.CONVERSATIONS_INFO, cached != null);
        if (cached != null) {
            return cached.name();
        }
        if (lookups.add(channelId)) {
            long queuedAt = System.nanoTime();
            try {
                background.execute(() -> {
                    try {
                        Named meanwhile = names.get(channelId);
                        if ((meanwhile == null || meanwhile.atNanos() < queuedAt) && !namedByDirectory(channelId)) {
                            // not named by a read of the bot's channels since this lookup was asked for
                            channel(channelId);
                        }
                    } catch (RuntimeException e) {
                        log.debug("background lookup of channel {} failed: {}", channelId, e.toString());
                    } finally {
                        lookups.remove(channelId);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                lookups.remove(channelId);
            }
        }
        return known == null ? "" : known.name();
    }

    @Override
    public ChannelView channel(String channelId) {
        ChannelView cached = channels.getIfPresent(channelId);
        metrics.cache(SlackAction.CONVERSATIONS_INFO, cached != null);
        if (cached != null) {
            return cached;
        }
        ConversationsInfoRequest req = ConversationsInfoRequest.builder().channel(channelId).build();
        ConversationsInfoResponse r = runner.call(SlackAction.CONVERSATIONS_INFO, channelId, NO_CHANNEL,
                () -> methods.conversationsInfo(req));
        ChannelView view = !r.isOk() || r.getChannel() == null
                ? new ChannelView(channelId, "", false, false)
                : new ChannelView(channelId, Objects.requireNonNullElse(r.getChannel().getName(), ""), true,
                r.getChannel().isMember() && !r.getChannel().isArchived());
        channels.put(channelId, view);
        names.put(channelId, new Named(view.name(), System.nanoTime()));
        return view;
    }

    private BotIdentity bot() {
        BotIdentity b = bot;
        if (b == null) {
            AuthTestResponse r = runner.call(SlackAction.AUTH_TEST, null, Set.of(),
                    () -> methods.authTest(AuthTestRequest.builder().build()));
            b = new BotIdentity(emptyToNull(r.getUserId()), emptyToNull(r.getBotId()));
            bot = b;
        }
        return b;
    }

    private static boolean isIssuePost(Message m, String correlationId) {
        Message.Metadata md = m.getMetadata();
        return md != null && PostContent.Metadata.EVENT_TYPE.equals(md.getEventType())
                && md.getEventPayload() != null && correlationId.equals(md.getEventPayload().get("correlationId"));
    }

    private static Message.Metadata metadata(PostContent.Metadata m) {
        return m == null ? null : new Message.Metadata(m.eventType(), new LinkedHashMap<>(m.eventPayload()));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
