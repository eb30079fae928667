package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.manager.issue.IssueCommand;
import dev.slackmgr.manager.issue.ManagerSettings;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Who may do what (slack-interactions.md §1 permission model): global admins ({@code globalAdmins}), channel admins
 * (global admins, the channel's {@code adminUsers}, members of its {@code adminGroups} through
 * {@code usergroups.users.list}).
 */
public final class ChannelAdmins {
    private final Supplier<ManagerSettings> settings;
    private final SlackUsers users;

    public ChannelAdmins(Supplier<ManagerSettings> settings, SlackUsers users) {
        this.settings = settings;
        this.users = users;
    }

    /** The rights an issue command needs. */
    public enum Right { ANYONE, CHANNEL_ADMIN, GLOBAL_ADMIN }

    /** Investigating is for anyone, moving for global admins, everything else for channel admins. */
    public static Right rightFor(IssueCommand.Action action) {
        return switch (action) {
            case INVESTIGATE, UNINVESTIGATE -> Right.ANYONE;
            case MOVE -> Right.GLOBAL_ADMIN;
            default -> Right.CHANNEL_ADMIN;
        };
    }

    /**
     * The rights a queued action needs: issue commands as {@link #rightFor(IssueCommand.Action)};
     * {@code create_issue} channel admin of the target channel; {@code webhook} none here – its webhook's own
     * {@code accessLevel} is checked with the issue at hand; anything unknown global admin.
     */
    public static Right rightFor(String wireAction) {
        for (IssueCommand.Action a : IssueCommand.Action.values()) {
            if (a.wire().equals(wireAction)) {
                return rightFor(a);
            }
        }
        return switch (wireAction) {
            case "create_issue" -> Right.CHANNEL_ADMIN;
            case "webhook" -> Right.ANYONE;
            default -> Right.GLOBAL_ADMIN;
        };
    }

    /** The rights a webhook's {@code accessLevel} asks for (slack-interactions.md §6.3; empty = global admins). */
    public static Right rightForAccessLevel(String accessLevel) {
        return switch (accessLevel == null ? "" : accessLevel) {
            case "channel_admins" -> Right.CHANNEL_ADMIN;
            case "channel_members" -> Right.ANYONE;
            default -> Right.GLOBAL_ADMIN;
        };
    }

    public boolean has(Right right, String userId, String channelId) {
        return switch (right) {
            case ANYONE -> true;
            case GLOBAL_ADMIN -> settings.get().isGlobalAdmin(userId);
            case CHANNEL_ADMIN -> isChannelAdmin(userId, channelId);
        };
    }

    public boolean isChannelAdmin(String userId, String channelId) {
        ManagerSettings s = settings.get();
        if (s.isChannelAdmin(userId, channelId, Set.of())) {
            return true;
        }
        Set<String> groupsOfUser = s.alertChannels().stream()
                .filter(c -> c.id().equals(channelId))
                .flatMap(c -> c.adminGroups().stream())
                .filter(g -> users.groupMembers(g).contains(userId))
                .collect(Collectors.toSet());
        return s.isChannelAdmin(userId, channelId, groupsOfUser);
    }
}
