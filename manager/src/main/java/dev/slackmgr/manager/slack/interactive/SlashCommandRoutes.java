package dev.slackmgr.manager.slack.interactive;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import dev.slackmgr.common.queue.QueueUnavailableException;
import dev.slackmgr.manager.command.QueuedCommand;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.ManagerSettings;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The slash command (name configurable, default {@code /slackmgr}), answered ephemerally in the acknowledgement:
 * {@code help}; {@code list} – the channel's open issues with links, read from the database; {@code resolve},
 * {@code mute}, {@code unmute} with an issue's link or correlation ID – queued like the matching reaction, with the
 * same rights checked when applied ({@link InteractionGuard}). The reference defines no slash command.
 */
public final class SlashCommandRoutes implements InteractionRoutes {
    private static final Logger log = LoggerFactory.getLogger(SlashCommandRoutes.class);
    static final int LIST_LIMIT = 30;

    private final String command;
    private final IssueStore store;
    private final CommandQueueWriter queue;
    private final IssueLinks links;
    private final Supplier<ManagerSettings> settings;
    private final Clock clock;

    public SlashCommandRoutes(String command, IssueStore store, CommandQueueWriter queue, IssueLinks links,
                              Supplier<ManagerSettings> settings, Clock clock) {
        this.command = command;
        this.store = store;
        this.queue = queue;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        app.command(command, (req, ctx) -> {
            String text;
            try {
                text = answer(req.getPayload());
            } catch (QueueUnavailableException | StoreUnavailableException e) {
                log.warn("Slash command not handled, left for Slack to redeliver: {}", e.getMessage());
                return ReactionRoutes.notAcked();
            }
            return ctx.ack(r -> r.responseType("ephemeral").text(text));
        });
    }

    String answer(SlashCommandPayload p) {
        SlashCommandText parsed = SlashCommandText.parse(p.getText());
        if (parsed instanceof SlashCommandText.ListIssues) {
            return list(p.getChannelId());
        }
        if (parsed instanceof SlashCommandText.Act a) {
            return act(a, p);
        }
        if (parsed instanceof SlashCommandText.Invalid i) {
            return i.reason() + "\n" + help();
        }
        return help();
    }

    private String help() {
        String docs = settings.get().docsUrl();
        return "*" + command + "* – " + settings.get().appFriendlyName() + "\n"
                + "`" + command + " list` – open issues of this channel\n"
                + "`" + command + " resolve <issue link or correlation ID>` – resolve an issue\n"
                + "`" + command + " mute <issue>` / `" + command + " unmute <issue>` – mute or unmute an issue\n"
                + "Resolving and muting need channel admin rights, like the emoji reactions."
                + (docs.isEmpty() ? "" : "\nDocs: <" + docs + ">");
    }

    private String list(String channelId) {
        List<Issue> open = store.loadOpenIssuesInChannel(channelId).stream()
                .sorted(Comparator.comparing(Issue::created)).toList();
        if (open.isEmpty()) {
            return "No open issues in this channel.";
        }
        StringBuilder sb = new StringBuilder(open.size() + " open issue" + (open.size() == 1 ? "" : "s") + ":");
        open.stream().limit(LIST_LIMIT).forEach(i -> sb.append("\n• ").append(line(channelId, i)));
        if (open.size() > LIST_LIMIT) {
            sb.append("\n… and ").append(open.size() - LIST_LIMIT).append(" more");
        }
        return sb.toString();
    }

    private String line(String channelId, Issue i) {
        String title = title(i).replace("|", "/").replace("<", "").replace(">", "");
        String label = i.slackPostId() == null || i.slackPostId().isEmpty() ? title
                : "<" + links.link(channelId, i.slackPostId()) + "|" + title + ">";
        return label + " · " + i.lastAlert().alert().severity() + " · `" + i.correlationId() + "`";
    }

    private static String title(Issue i) {
        String header = i.lastAlert().alert().header().replace(":status:", "").trim();
        if (!header.isEmpty()) {
            return header;
        }
        String text = i.lastAlert().alert().text().strip();
        return text.isEmpty() ? i.correlationId() : text.lines().findFirst().orElse("").strip();
    }

    private String act(SlashCommandText.Act a, SlashCommandPayload p) {
        Optional<IssueLinks.PostRef> post = IssueLinks.parse(a.target());
        if (post.isEmpty()) {
            Optional<Issue> issue = store.findOpenIssueByCorrelationId(p.getChannelId(), a.target());
            if (issue.isEmpty()) {
                return "No open issue with correlation ID `" + a.target() + "` in this channel.";
            }
            if (issue.get().slackPostId() == null || issue.get().slackPostId().isEmpty()) {
                return "Issue `" + a.target() + "` has no Slack post yet; try again in a moment.";
            }
            post = Optional.of(new IssueLinks.PostRef(p.getChannelId(), issue.get().slackPostId()));
        }
        IssueLinks.PostRef ref = post.get();
        String eventId = "slash:" + (p.getTriggerId() == null || p.getTriggerId().isEmpty()
                ? UUID.randomUUID().toString() : p.getTriggerId());
        queue.enqueue(QueuedCommand.fromInteraction(clock.instant(), ref.channelId(), ref.ts(), "", p.getUserId(),
                a.action().wire(), eventId));
        return "`" + a.verb() + "` sent for " + links.link(ref.channelId(), ref.ts())
                + " – the post changes once it is applied (you will be told here if you lack the rights).";
    }
}
