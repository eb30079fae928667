package dev.slackmgr.api.channel;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.users.UsersConversationsResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Channel metadata from the Slack Web API, cached so the ingestion hot path makes no Slack call for a
 * channel it has seen recently (rest-api.md §6.2).
 *
 * <p>Channel info is loaded on first use ({@code conversations.info} + {@code conversations.members}),
 * refreshed in the background after {@code refreshAfter}, and dropped after {@code expireAfter} without
 * use. "Channel not found" is cached too, for a shorter time. The bot's channel list (name → ID table,
 * {@code GET /channels}) is loaded at start and reloaded by {@link #reloadBotChannels()}.
 */
public class SlackChannelDirectory {
    private static final Logger log = LoggerFactory.getLogger(SlackChannelDirectory.class);

    private final MethodsClient slack;
    private final LoadingCache<String, ChannelInfo> infos;
    private volatile String botUserId;
    private volatile List<ChannelSummary> botChannels = List.of();
    private volatile Map<String, String> idByLowerName = Map.of();

    /** Cache timings. */
    public record Timings(Duration refreshAfter, Duration expireAfter, Duration notFoundTtl) {
        public static Timings defaults() {
            return new Timings(Duration.ofSeconds(30), Duration.ofHours(12), Duration.ofSeconds(15));
        }
    }

    public SlackChannelDirectory(MethodsClient slack, Timings timings) {
        this.slack = slack;
        this.infos = Caffeine.newBuilder()
                .refreshAfterWrite(timings.refreshAfter())
                .expireAfter(new com.github.benmanes.caffeine.cache.Expiry<String, ChannelInfo>() {
                    @Override
                    public long expireAfterCreate(String key, ChannelInfo value, long currentTime) {
                        return (value.exists() ? timings.expireAfter() : timings.notFoundTtl()).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, ChannelInfo value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, ChannelInfo value, long currentTime, long currentDuration) {
                        return value.exists() ? timings.expireAfter().toNanos() : currentDuration;
                    }
                })
                .maximumSize(50_000)
                .build(this::load);
    }

    /** Calls {@code auth.test} and loads the bot's channels; fails when Slack refuses the token. */
    public void start() {
        AuthTestResponse auth = call("auth.test", () -> slack.authTest(r -> r));
        if (auth.getUserId() == null || auth.getUserId().isEmpty()) {
            throw new SlackLookupException("auth.test returned no bot user ID");
        }
        botUserId = auth.getUserId();
        reloadBotChannels();
        log.info("Connected to Slack as bot user {}; bot is in {} channels", botUserId, botChannels.size());
    }

    /** Reloads the list of non-archived channels the bot is a member of. */
    public void reloadBotChannels() {
        List<ChannelSummary> all = new ArrayList<>();
        String cursor = null;
        do {
            String c = cursor;
            UsersConversationsResponse page = call("users.conversations", () -> slack.usersConversations(r -> r
                    .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                    .excludeArchived(true).limit(999).cursor(c)));
            for (Conversation conv : page.getChannels()) {
                all.add(new ChannelSummary(conv.getId(), conv.getName() == null ? "" : conv.getName()));
            }
            cursor = nextCursor(page.getResponseMetadata());
        } while (cursor != null);
        all.sort(Comparator.comparing(ChannelSummary::name));
        Map<String, String> byName = new HashMap<>();
        for (ChannelSummary c : all) {
            byName.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c.id());
        }
        botChannels = List.copyOf(all);
        idByLowerName = Map.copyOf(byName);
    }

    /** Channels the bot is a member of, sorted by name. */
    public List<ChannelSummary> botChannels() {
        return botChannels;
    }

    /** Maps a channel name (any case, untrimmed) to its ID when the bot is in such a channel. */
    public Optional<String> idForName(String name) {
        return Optional.ofNullable(idByLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Channel info, from cache when possible.
     *
     * @throws SlackLookupException when Slack cannot answer (not for "channel not found")
     */
    public ChannelInfo info(String channelId) {
        try {
            return infos.get(channelId);
        } catch (CompletionException e) {
            throw e.getCause() instanceof SlackLookupException s ? s : new SlackLookupException(e.getMessage(), e);
        }
    }

    private ChannelInfo load(String id) {
        ConversationsInfoResponse info = callAllowing("conversations.info", () -> slack.conversationsInfo(r -> r.channel(id)),
                "channel_not_found");
        if (!info.isOk()) {
            return ChannelInfo.missing(id);
        }
        Conversation c = info.getChannel();
        List<String> members = new ArrayList<>();
        String cursor = null;
        do {
            String cur = cursor;
            ConversationsMembersResponse page = callAllowing("conversations.members",
                    () -> slack.conversationsMembers(r -> r.channel(id).limit(1000).cursor(cur)), "channel_not_found");
            if (!page.isOk()) {
                return ChannelInfo.missing(id);
            }
            members.addAll(page.getMembers());
            cursor = nextCursor(page.getResponseMetadata());
        } while (cursor != null);
        return new ChannelInfo(id, c.getName() == null ? "" : c.getName(), true, c.isArchived(),
                members.contains(botUserId), members.size());
    }

    private static String nextCursor(com.slack.api.model.ResponseMetadata meta) {
        if (meta == null || meta.getNextCursor() == null || meta.getNextCursor().isEmpty()) {
            return null;
        }
        return meta.getNextCursor();
    }

    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }

    private static <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        return callAllowing(method, call);
    }

    /** Runs a call; a Slack error other than the allowed ones, or a transport failure, becomes an exception. */
    private static <T extends SlackApiTextResponse> T callAllowing(String method, SlackCall<T> call, String... allowed) {
        T response;
        try {
            response = call.run();
        } catch (IOException | SlackApiException e) {
            throw new SlackLookupException("Slack " + method + " failed: " + e.getMessage(), e);
        }
        if (!response.isOk() && !List.of(allowed).contains(response.getError())) {
            throw new SlackLookupException("Slack " + method + " failed: " + response.getError());
        }
        return response;
    }
}
