package dev.slackmgr.manager.slack.interactive;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import dev.slackmgr.common.queue.QueueUnavailableException;
import dev.slackmgr.manager.command.QueuedCommand;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.IssueCommand;
import dev.slackmgr.manager.issue.ManagerSettings;
import dev.slackmgr.manager.slack.SlackGateway;
import dev.slackmgr.manager.store.IssueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Shortcuts and their modals (slack-interactions.md §5):
 * <ul>
 *   <li>{@code issue_create} (global) and {@code issue_create_from_message} (message; ours: the modal is prefilled
 *       with the message's channel and text) open the create-issue modal; its submission queues
 *       {@code create_issue} for the chosen channel (applied by {@code CreateIssueAction});</li>
 *   <li>{@code issue_move} (message shortcut or the "Move issue..." option button): global admins only, an issue
 *       that is not archived and has no escalation rules; the modal's submission queues the engine's
 *       {@code move_issue} for the post, with the chosen {@code targetChannelId};</li>
 *   <li>{@code view_issue_details} (message shortcut or "Details..." button): a read-only modal with the issue's
 *       fields from the database.</li>
 * </ul>
 * Listeners acknowledge at once; checks that need Slack and {@code views.open} run in the background (the trigger
 * stays valid for 3 s). Refusals are ephemeral messages. Modal submissions are validated before the
 * acknowledgement, because only the acknowledgement can show errors in the modal.
 */
public final class ShortcutRoutes implements InteractionRoutes {
    private static final Logger log = LoggerFactory.getLogger(ShortcutRoutes.class);
    static final int MAX_AUTO_RESOLVE_HOURS = 8760;

    private final IssueStore store;
    private final SlackGateway slack;
    private final SlackNotifier notifier;
    private final ChannelAdmins admins;
    private final CommandQueueWriter queue;
    private final Supplier<ManagerSettings> settings;
    private final Executor background;
    private final Clock clock;
    private final ZoneId zone;

    public ShortcutRoutes(IssueStore store, SlackGateway slack, SlackNotifier notifier, ChannelAdmins admins,
                          CommandQueueWriter queue, Supplier<ManagerSettings> settings, Executor background,
                          Clock clock, ZoneId zone) {
        this.store = store;
        this.slack = slack;
        this.notifier = notifier;
        this.admins = admins;
        this.queue = queue;
        this.settings = settings;
        this.background = background;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void register(App app) {
        app.globalShortcut(Modals.CREATE_SHORTCUT, (req, ctx) -> {
            String trigger = req.getPayload().getTriggerId();
            later(() -> notifier.openView(trigger, Modals.createIssue(appName(), "", "")));
            return ctx.ack();
        });
        app.messageShortcut(Modals.CREATE_FROM_MESSAGE_SHORTCUT, (req, ctx) -> {
            MessageShortcutPayload p = req.getPayload();
            String text = p.getMessage() == null || p.getMessage().getText() == null ? "" : p.getMessage().getText();
            later(() -> notifier.openView(p.getTriggerId(), Modals.createIssue(appName(), channelOf(p), text)));
            return ctx.ack();
        });
        app.messageShortcut(Modals.MOVE_SHORTCUT, (req, ctx) -> {
            MessageShortcutPayload p = req.getPayload();
            later(() -> openMove(channelOf(p), tsOf(p), p.getUser().getId(), p.getTriggerId()));
            return ctx.ack();
        });
        app.messageShortcut(Modals.DETAILS_SHORTCUT, (req, ctx) -> {
            MessageShortcutPayload p = req.getPayload();
            later(() -> openDetails(channelOf(p), tsOf(p), p.getUser().getId(), p.getTriggerId()));
            return ctx.ack();
        });
        app.viewSubmission(Modals.CREATE_MODAL, (req, ctx) -> submitCreate(req.getPayload(), ctx));
        app.viewSubmission(Modals.MOVE_MODAL, (req, ctx) -> submitMove(req.getPayload(), ctx));
    }

    // ---- opening (background)

    /** The move flow's checks (§5.2), then the modal; refusals are told to the user. */
    void openMove(String channel, String ts, String user, String trigger) {
        String app = appName();
        if (!settings.get().isGlobalAdmin(user)) {
            notifier.ephemeral(channel, user, "Moving issues is only available to " + app + " global admins.");
            return;
        }
        if (!slack.channel(channel).botMember()) {
            notifier.ephemeral(channel, user, "Moving issues only works in channels managed by " + app + ".");
            return;
        }
        Optional<Issue> issue = store.findIssueBySlackPostId(channel, ts);
        if (issue.isEmpty()) {
            notifier.ephemeral(channel, user, "No issue found for this message.");
            return;
        }
        if (issue.get().archived()) {
            notifier.ephemeral(channel, user, "This issue is archived and cannot be moved.");
            return;
        }
        if (issue.get().lastAlert().alert().escalation() != null
                && !issue.get().lastAlert().alert().escalation().isEmpty()) {
            notifier.ephemeral(channel, user, "Issues with escalation rules cannot be moved.");
            return;
        }
        notifier.openView(trigger, Modals.moveIssue(app, channel, ts));
    }

    /** The details flow (§5.3): managed channel, issue (archived included), the read-only modal. */
    void openDetails(String channel, String ts, String user, String trigger) {
        if (!slack.channel(channel).botMember()) {
            notifier.ephemeral(channel, user, "Issue details are only available in channels managed by "
                    + appName() + ".");
            return;
        }
        Optional<Issue> issue = store.findIssueBySlackPostId(channel, ts);
        if (issue.isEmpty()) {
            notifier.ephemeral(channel, user, "No issue found for this message.");
            return;
        }
        notifier.openView(trigger, Modals.issueDetails(issue.get(), clock.instant(), zone));
    }

    // ---- submissions (validated before the ack)

    private Response submitCreate(ViewSubmissionPayload p, ViewSubmissionContext ctx) {
        ViewInputs in = new ViewInputs(p.getView().getState());
        String user = p.getUser().getId();
        String channel = in.conversation(Modals.SELECT_CHANNEL, Modals.SELECT_CHANNEL_INPUT);
        if (channel.isEmpty()) {
            log.warn("Create-issue submission by {} without a channel", user);
            return ctx.ack();
        }
        String app = appName();
        if (!slack.channel(channel).botMember()) {
            return errors(ctx, Modals.SELECT_CHANNEL, "Must be a channel managed by " + app + ".");
        }
        if (!admins.isChannelAdmin(user, channel)) {
            return errors(ctx, Modals.SELECT_CHANNEL, "You must be an " + app + " admin in this channel.");
        }
        String header = in.text(Modals.HEADER, Modals.HEADER + "_input");
        String text = in.text(Modals.TEXT, Modals.TEXT + "_input");
        if (header.isEmpty() && text.isEmpty()) {
            return errors(ctx, Modals.TEXT, "Header and text cannot both be empty.");
        }
        String hoursText = in.text(Modals.AUTO_RESOLVE, Modals.AUTO_RESOLVE + "_input");
        long hours;
        try {
            hours = hoursText.isEmpty() ? 0 : Long.parseLong(hoursText);
        } catch (NumberFormatException e) {
            hours = -1;
        }
        if (hours < 0 || hours > MAX_AUTO_RESOLVE_HOURS) {
            return errors(ctx, Modals.AUTO_RESOLVE, "A whole number of hours from 0 to " + MAX_AUTO_RESOLVE_HOURS
                    + ".");
        }
        String severity = in.selected(Modals.SEVERITY, Modals.SEVERITY + "_input");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("targetChannelId", channel);
        params.put("severity", severity.isEmpty() ? "warning" : severity);
        params.put("followUpEnabled", in.ticked(Modals.FOLLOW_UP, Modals.FOLLOW_UP + "_input").contains("enabled"));
        params.put("header", header);
        params.put("text", text);
        params.put("autoResolveSeconds", hours * 3600);
        params.put("iconEmoji", in.text(Modals.EMOJI, Modals.EMOJI + "_input"));
        params.put("correlationId", "manual-" + UUID.randomUUID());
        QueuedCommand command = QueuedCommand.fromInteraction(clock.instant(), channel, "", "", user, "create_issue",
                eventId(p)).with(params, null);
        return enqueueAndClear(command, ctx);
    }

    private Response submitMove(ViewSubmissionPayload p, ViewSubmissionContext ctx) {
        ViewInputs in = new ViewInputs(p.getView().getState());
        String target = in.conversation(Modals.SELECT_CHANNEL, Modals.SELECT_CHANNEL_INPUT);
        Map<String, String> meta = Modals.metadataValues(p.getView().getPrivateMetadata());
        String source = meta.getOrDefault("channelId", "");
        String ts = meta.getOrDefault("messageTs", "");
        if (target.isEmpty() || source.isEmpty() || ts.isEmpty()) {
            log.warn("Move submission by {} without target or metadata", p.getUser().getId());
            return ctx.ack();
        }
        if (target.toLowerCase(Locale.ROOT).equals(source.toLowerCase(Locale.ROOT))) {
            return errors(ctx, Modals.SELECT_CHANNEL, "The issue is already in this channel.");
        }
        if (!slack.channel(target).botMember()) {
            return errors(ctx, Modals.SELECT_CHANNEL, "Must be a channel managed by " + appName() + ".");
        }
        QueuedCommand command = QueuedCommand.fromInteraction(clock.instant(), source, ts, "", p.getUser().getId(),
                IssueCommand.Action.MOVE.wire(), eventId(p)).with(Map.of("targetChannelId", target), null);
        return enqueueAndClear(command, ctx);
    }

    private Response enqueueAndClear(QueuedCommand command, ViewSubmissionContext ctx) {
        try {
            queue.enqueue(command);
        } catch (QueueUnavailableException e) {
            log.warn("{} not queued, left for Slack to redeliver: {}", command.action(), e.getMessage());
            return ReactionRoutes.notAcked();
        }
        return ctx.ack(r -> r.responseAction("clear"));
    }

    private static Response errors(ViewSubmissionContext ctx, String blockId, String message) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of(blockId, message)));
    }

    /** The Slack interaction a view submission is (applied once per view). */
    static String eventId(ViewSubmissionPayload p) {
        String id = p.getView().getId();
        return "view:" + (id == null || id.isEmpty() ? UUID.randomUUID().toString() : id);
    }

    private static String channelOf(MessageShortcutPayload p) {
        return p.getChannel() == null ? "" : p.getChannel().getId();
    }

    private static String tsOf(MessageShortcutPayload p) {
        return p.getMessageTs() != null ? p.getMessageTs() : p.getMessage() == null ? "" : p.getMessage().getTs();
    }

    private String appName() {
        return settings.get().appFriendlyName();
    }

    /** Runs {@code work} after the acknowledgement; failures are logged. */
    void later(Runnable work) {
        background.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("Interaction not completed: {}", e.toString());
            }
        });
    }

    static List<String> callbackIds() {
        return List.of(Modals.CREATE_SHORTCUT, Modals.CREATE_FROM_MESSAGE_SHORTCUT, Modals.MOVE_SHORTCUT,
                Modals.DETAILS_SHORTCUT);
    }
}
