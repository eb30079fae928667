package dev.slackmgr.manager.slack.interactive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.usergroups.users.UsergroupsUsersListRequest;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.slackmgr.manager.slack.SlackAction;
import dev.slackmgr.manager.slack.SlackCallRunner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users and user groups of the workspace, cached like the reference (slack-interactions.md §9): {@code users.info}
 * one hour, {@code usergroups.users.list} 60 s. Unknown users and groups are empty answers, not errors.
 */
public final class SlackUsers {
    private static final Set<String> NO_USER = Set.of("user_not_found", "user_not_visible");
    private static final Set<String> NO_GROUP = Set.of("no_such_subteam");

    private final MethodsClient methods;
    private final SlackCallRunner runner;
    private final Cache<String, Optional<SlackUser>> users;
    private final Cache<String, Set<String>> groups;

    /** What the interaction layer needs to know about a user. */
    public record SlackUser(String id, String realName, boolean bot) {
    }

    public SlackUsers(MethodsClient methods, SlackCallRunner runner, Duration userTtl, Duration groupTtl) {
        this.methods = methods;
        this.runner = runner;
        this.users = Caffeine.newBuilder().expireAfterWrite(userTtl).maximumSize(10_000).build();
        this.groups = Caffeine.newBuilder().expireAfterWrite(groupTtl).maximumSize(1_000).build();
    }

    /** The user, or empty when Slack does not know it. */
    public Optional<SlackUser> user(String userId) {
        if (userId == null || userId.isEmpty()) {
            return Optional.empty();
        }
        return users.get(userId, id -> {
            UsersInfoResponse r = runner.call(SlackAction.USERS_INFO, null, NO_USER,
                    () -> methods.usersInfo(UsersInfoRequest.builder().user(id).build()));
            User u = r.getUser();
            if (!r.isOk() || u == null) {
                return Optional.empty();
            }
            return Optional.of(new SlackUser(u.getId(), realName(u), u.isBot() || u.isAppUser()));
        });
    }

    /** Members of a user group (empty when it does not exist). */
    public Set<String> groupMembers(String groupId) {
        return groups.get(groupId, id -> {
            UsergroupsUsersListResponse r = runner.call(SlackAction.USERGROUPS_USERS_LIST, null, NO_GROUP,
                    () -> methods.usergroupsUsersList(UsergroupsUsersListRequest.builder().usergroup(id).build()));
            List<String> members = r.isOk() ? r.getUsers() : null;
            return members == null ? Set.of() : Set.copyOf(members);
        });
    }

    private static String realName(User u) {
        if (u.getRealName() != null && !u.getRealName().isBlank()) {
            return u.getRealName();
        }
        if (u.getProfile() != null && u.getProfile().getRealName() != null && !u.getProfile().getRealName().isBlank()) {
            return u.getProfile().getRealName();
        }
        return u.getName() == null ? u.getId() : u.getName();
    }
}
