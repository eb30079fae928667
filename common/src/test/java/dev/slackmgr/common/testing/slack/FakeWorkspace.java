package dev.slackmgr.common.testing.slack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The state of a fake Slack workspace: a bot user and channels, answering the read-only Web API methods
 * the services use ({@code auth.test}, {@code conversations.info}, {@code conversations.members},
 * {@code users.conversations}, {@code users.info}, {@code usergroups.users.list}): users, user groups. Messages live in {@link FakeMessages} ({@link FakeSlack#messages()}).
 */
public final class FakeWorkspace {
    /** The {@code bot_id} of messages the bot posts. */
    public static final String BOT_ID = "B0FAKEBOT";

    private final String botUserId;
    private final Map<String, FakeChannel> channels = new ConcurrentHashMap<>();
    private final Set<String> failingChannels = ConcurrentHashMap.newKeySet();
    private final Map<String, FakeUser> users = new ConcurrentHashMap<>();
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();

    /** A channel: bot membership and member count drive the API's channel checks. */
    public record FakeChannel(String id, String name, boolean archived, boolean botMember, int members) {
    }

    /** A user of the workspace ({@code users.info}). */
    public record FakeUser(String id, String name, String realName, boolean bot) {
    }

    public FakeWorkspace(String botUserId) {
        this.botUserId = botUserId;
        users.put(botUserId, new FakeUser(botUserId, "slackmgr", "Slack Manager", true));
    }

    /** Adds a human user. */
    public FakeWorkspace user(String id, String realName) {
        users.put(id, new FakeUser(id, realName.toLowerCase().replace(' ', '.'), realName, false));
        return this;
    }

    /** Adds (or replaces) a user group ({@code usergroups.users.list}) with these members. */
    public FakeWorkspace userGroup(String id, String... memberIds) {
        userGroups.put(id, List.of(memberIds));
        return this;
    }

    /** The user with this ID, if the workspace has it. */
    public Optional<FakeUser> userInfo(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(users.get(id));
    }

    public String botUserId() {
        return botUserId;
    }

    public FakeWorkspace channel(String id, String name, boolean archived, boolean botMember, int members) {
        channels.put(id, new FakeChannel(id, name, archived, botMember, members));
        return this;
    }

    /** A normal channel: exists, not archived, bot is a member, 10 members. */
    public FakeWorkspace channel(String id, String name) {
        return channel(id, name, false, true, 10);
    }

    /** The channel with this ID, if the workspace has it. */
    public Optional<FakeChannel> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(channels.get(id));
    }

    /** Every channel, by ID. */
    public List<FakeChannel> channels() {
        return channels.values().stream().sorted(Comparator.comparing(FakeChannel::id)).toList();
    }

    /** Every user (the bot included), by ID. */
    public List<FakeUser> users() {
        return users.values().stream().sorted(Comparator.comparing(FakeUser::id)).toList();
    }

    /** Lookups of this channel answer with a transient Slack error ({@code internal_error}). */
    public FakeWorkspace failing(String id) {
        failingChannels.add(id);
        return this;
    }

    public Map<String, Object> answer(String method, Map<String, String> p) {
        return switch (method) {
            case "auth.test" -> FakeSlack.ok("user_id", botUserId, "team_id", "T0FAKE", "user", "slackmgr",
                    "team", "Fake workspace", "url", "https://fake.slack.test/");
            case "conversations.info" -> conversationInfo(p.get("channel"));
            case "conversations.members" -> members(p.get("channel"));
            case "users.conversations" -> botConversations();
            case "users.info" -> user(p.get("user"));
            case "usergroups.users.list" -> userGroup(p.get("usergroup"));
            default -> FakeSlack.error("unknown_method");
        };
    }

    private Map<String, Object> user(String id) {
        FakeUser u = id == null ? null : users.get(id);
        if (u == null) {
            return FakeSlack.error("user_not_found");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("team_id", "T0FAKE");
        m.put("name", u.name());
        m.put("real_name", u.realName());
        m.put("deleted", false);
        m.put("is_bot", u.bot());
        m.put("is_app_user", false);
        m.put("profile", Map.of("real_name", u.realName(), "display_name", u.name()));
        return FakeSlack.ok("user", m);
    }

    private Map<String, Object> userGroup(String id) {
        List<String> members = id == null ? null : userGroups.get(id);
        return members == null ? FakeSlack.error("no_such_subteam") : FakeSlack.ok("users", members);
    }

    private Map<String, Object> conversationInfo(String id) {
        if (id != null && failingChannels.contains(id)) {
            return FakeSlack.error("internal_error");
        }
        FakeChannel c = id == null ? null : channels.get(id);
        if (c == null) {
            return FakeSlack.error("channel_not_found");
        }
        return FakeSlack.ok("channel", channelJson(c));
    }

    private Map<String, Object> members(String id) {
        if (id != null && failingChannels.contains(id)) {
            return FakeSlack.error("internal_error");
        }
        FakeChannel c = id == null ? null : channels.get(id);
        if (c == null) {
            return FakeSlack.error("channel_not_found");
        }
        List<String> ids = new ArrayList<>();
        if (c.botMember()) {
            ids.add(botUserId);
        }
        IntStream.range(ids.size(), c.members()).forEach(i -> ids.add("U%08d".formatted(i)));
        return FakeSlack.ok("members", ids, "response_metadata", Map.of("next_cursor", ""));
    }

    private Map<String, Object> botConversations() {
        List<Object> list = channels.values().stream()
                .filter(c -> c.botMember() && !c.archived())
                .sorted(Comparator.comparing(FakeChannel::id))
                .map(this::channelJson)
                .map(m -> (Object) m)
                .toList();
        return FakeSlack.ok("channels", FakeSlack.list(list), "response_metadata", Map.of("next_cursor", ""));
    }

    private Map<String, Object> channelJson(FakeChannel c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("is_channel", true);
        m.put("is_archived", c.archived());
        m.put("is_member", c.botMember());
        m.put("num_members", c.members());
        return m;
    }
}
