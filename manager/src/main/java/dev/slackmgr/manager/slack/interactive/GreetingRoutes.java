package dev.slackmgr.manager.slack.interactive;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import dev.slackmgr.manager.issue.IssueReactions;
import dev.slackmgr.manager.issue.ManagerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Says hello: when the bot joins a channel ({@code member_joined_channel} for the bot user) it posts how to use it
 * there; when someone mentions it ({@code app_mention}) it answers that person ephemerally. Acknowledged at once,
 * the message is sent in the background, once per event across instances ({@link EventDedupe}).
 */
public final class GreetingRoutes implements InteractionRoutes {
    private static final Logger log = LoggerFactory.getLogger(GreetingRoutes.class);

    private final Supplier<ManagerSettings> settings;
    private final SlackNotifier notifier;
    private final EventDedupe dedupe;
    private final String slashCommand;
    private final ExecutorService background;

    public GreetingRoutes(Supplier<ManagerSettings> settings, SlackNotifier notifier, EventDedupe dedupe,
                          String slashCommand, ExecutorService background) {
        this.settings = settings;
        this.notifier = notifier;
        this.dedupe = dedupe;
        this.slashCommand = slashCommand;
        this.background = background;
    }

    @Override
    public void register(App app) {
        app.event(MemberJoinedChannelEvent.class, (payload, ctx) -> {
            MemberJoinedChannelEvent e = payload.getEvent();
            if (e.getUser() != null && e.getUser().equals(ctx.getBotUserId())) {
                once(payload.getEventId(), () -> notifier.post(e.getChannel(), greeting()));
            }
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            if (e.getUser() != null && !e.getUser().equals(ctx.getBotUserId())) {
                once(payload.getEventId(), () -> notifier.ephemeral(e.getChannel(), e.getUser(), greeting()));
            }
            return ctx.ack();
        });
    }

    private void once(String eventId, Runnable send) {
        background.execute(() -> {
            try {
                if (dedupe.claim("greeting:" + eventId, UUID.randomUUID().toString())) {
                    send.run();
                }
            } catch (RuntimeException e) {
                log.warn("Greeting for event {} not sent: {}", eventId, e.toString());
            }
        });
    }

    /** The greeting text (mrkdwn). */
    String greeting() {
        ManagerSettings s = settings.get();
        IssueReactions r = s.issueReactions();
        return "Hi! I'm *" + s.appFriendlyName() + "*. I keep one post per issue in this channel up to date and"
                + " keep the most important ones most visible.\n"
                + "React to an issue post with " + emoji(r.resolveEmojis()) + " to resolve it (remove to undo; new"
                + " alerts reopen it), " + emoji(r.investigateEmojis()) + " to say you are investigating, "
                + emoji(r.muteEmojis()) + " to mute it, " + emoji(r.terminateEmojis()) + " to archive it and delete"
                + " the post, " + emoji(r.showOptionButtonsEmojis()) + " for more options. Everything but"
                + " investigating needs channel admin rights.\n"
                + "Type `" + slashCommand + " help` for commands."
                + (s.docsUrl().isEmpty() ? "" : "\nDocs: <" + s.docsUrl() + ">");
    }

    private static String emoji(List<String> names) {
        return ":" + names.get(0) + ":";
    }
}
