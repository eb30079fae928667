package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.common.queue.redis.QueueConnection;
import dev.slackmgr.manager.command.CommandGuard;
import dev.slackmgr.manager.command.QueuedCommand;
import dev.slackmgr.manager.issue.ManagerSettings;
import dev.slackmgr.manager.slack.SlackGateway;
import io.lettuce.core.SetArgs;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The consuming side of a Slack interaction (slack-interactions.md §3 steps 3–5), run by the instance that owns
 * the channel right before the command is applied: once per Slack event ({@link EventDedupe}), then – for
 * commands with {@code checkAccess} – only in a channel the bot is a member of, only for a known human user, and
 * only with the rights the action needs ({@link ChannelAdmins}). A refused user gets an ephemeral message saying
 * why; for reactions at most once per channel and user in {@link #REFUSAL_QUIET} (as the reference).
 */
public final class InteractionGuard implements CommandGuard {
    static final Duration REFUSAL_QUIET = Duration.ofMinutes(30);

    private final EventDedupe dedupe;
    private final SlackGateway slack;
    private final SlackUsers users;
    private final ChannelAdmins admins;
    private final SlackNotifier notifier;
    private final QueueConnection redis;
    private final String refusalKeyPrefix;
    private final Supplier<ManagerSettings> settings;

    public InteractionGuard(EventDedupe dedupe, SlackGateway slack, SlackUsers users, ChannelAdmins admins,
                            SlackNotifier notifier, QueueConnection redis, String keyPrefix,
                            Supplier<ManagerSettings> settings) {
        this.dedupe = dedupe;
        this.slack = slack;
        this.users = users;
        this.admins = admins;
        this.notifier = notifier;
        this.redis = redis;
        this.refusalKeyPrefix = keyPrefix + "reactions-controller:userNotAdmin:";
        this.settings = settings;
    }

    @Override
    public Verdict admit(QueuedCommand command, String messageId) {
        if (!command.eventId().isEmpty() && !dedupe.claim(command.eventId(), messageId)) {
            return new Verdict.Skip("duplicate", "Slack event " + command.eventId() + " was applied already");
        }
        if (!command.checkAccess()) {
            return new Verdict.Apply(command.userRealName());
        }
        String channel = command.slackChannelId();
        if (!slack.channel(channel).botMember()) {
            return new Verdict.Skip("discarded", "channel " + channel + " is not managed (bot not a member)");
        }
        Optional<SlackUsers.SlackUser> user = users.user(command.userId());
        if (user.isEmpty() || user.get().bot()) {
            return new Verdict.Skip("discarded", "user " + command.userId() + " is unknown or a bot");
        }
        ChannelAdmins.Right right = ChannelAdmins.rightFor(command.action());
        if (!admins.has(right, user.get().id(), channel)) {
            refuse(command, user.get(), right);
            return new Verdict.Skip("refused", user.get().id() + " lacks " + right + " rights in " + channel);
        }
        return new Verdict.Apply(user.get().realName());
    }

    private void refuse(QueuedCommand command, SlackUsers.SlackUser user, ChannelAdmins.Right right) {
        boolean reaction = !command.reaction().isEmpty();
        String quietKey = refusalKeyPrefix + command.slackChannelId() + ":" + user.id();
        if (reaction && redis.sync().exists(quietKey) > 0) {
            return;
        }
        ManagerSettings s = settings.get();
        String rights = right == ChannelAdmins.Right.GLOBAL_ADMIN ? "global admin" : "channel admin";
        String how = reaction ? "manage issues with emojis (:" + command.reaction() + ":)"
                : "create_issue".equals(command.action()) ? "create issues"
                : "run `" + command.action() + "`";
        String text = "Hi " + user.realName() + ", you need " + rights + " rights for " + s.appFriendlyName()
                + " in this channel to " + how + "." + (s.docsUrl().isEmpty() ? "" : " See <" + s.docsUrl() + ">.");
        if (notifier.ephemeral(command.slackChannelId(), user.id(), text) && reaction) {
            redis.sync().set(quietKey, "1", SetArgs.Builder.ex(REFUSAL_QUIET.toSeconds()));
        }
    }
}
