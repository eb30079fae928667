package dev.slackmgr.manager.slack.interactive;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import dev.slackmgr.common.alert.Webhook;
import dev.slackmgr.common.queue.QueueUnavailableException;
import dev.slackmgr.manager.command.QueuedCommand;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The post's buttons (slack-interactions.md §6): webhook buttons ({@code webhook_action_<i>}, value = webhook ID)
 * and option buttons ({@code option_button_action_*}: move, details – the shortcut flows of {@link ShortcutRoutes}).
 *
 * <p>A webhook click: the issue (not archived) and its webhook are looked up read-only; a second click on the same
 * button by the same user within 2 s is ignored ({@link ClickDebounce}); with {@code skipConfirmationDialog} the {@code webhook}
 * command is queued at once, otherwise – after checking the webhook's {@code accessLevel} in the background – the
 * confirmation modal opens with the webhook's text and checkbox inputs, and its submission queues the command with
 * the inputs. The command is applied, and the callback sent, by the instance that consumes the channel's commands
 * ({@link WebhookAction}), which checks the access level again.
 */
public final class ButtonRoutes implements InteractionRoutes {
    private static final Logger log = LoggerFactory.getLogger(ButtonRoutes.class);

    private final IssueStore store;
    private final CommandQueueWriter queue;
    private final ClickDebounce debounce;
    private final SlackNotifier notifier;
    private final ChannelAdmins admins;
    private final ShortcutRoutes shortcuts;
    private final Clock clock;

    public ButtonRoutes(IssueStore store, CommandQueueWriter queue, ClickDebounce debounce, SlackNotifier notifier,
                        ChannelAdmins admins, ShortcutRoutes shortcuts, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.debounce = debounce;
        this.notifier = notifier;
        this.admins = admins;
        this.shortcuts = shortcuts;
        this.clock = clock;
    }

    /** A button click, whichever button. */
    record Click(String channelId, String ts, String userId, String actionId, String value, String triggerId) {
    }

    @Override
    public void register(App app) {
        app.blockAction(Pattern.compile("^" + Modals.WEBHOOK_ACTION_PREFIX + ".*"), (req, ctx) -> {
            Optional<Click> click = click(req.getPayload());
            try {
                return click.isEmpty() || webhookClicked(click.get()) ? ctx.ack() : ReactionRoutes.notAcked();
            } catch (StoreUnavailableException e) {
                log.warn("Webhook click not handled, left for Slack to redeliver: {}", e.getMessage());
                return ReactionRoutes.notAcked();
            }
        });
        app.blockAction(Pattern.compile("^" + Modals.OPTION_ACTION_PREFIX + ".*"), (req, ctx) -> {
            click(req.getPayload()).ifPresent(this::optionClicked);
            return ctx.ack();
        });
        app.viewSubmission(Modals.CONFIRM_WEBHOOK_MODAL, (req, ctx) -> {
            Optional<QueuedCommand> command = confirmed(req.getPayload());
            if (command.isEmpty()) {
                return ctx.ack();
            }
            try {
                queue.enqueue(command.get());
            } catch (QueueUnavailableException e) {
                log.warn("Webhook confirmation not queued, left for Slack to redeliver: {}", e.getMessage());
                return ReactionRoutes.notAcked();
            }
            return ctx.ack(r -> r.responseAction("clear"));
        });
    }

    /** The click, when the payload has exactly one action (§2). */
    static Optional<Click> click(BlockActionPayload p) {
        if (p.getActions() == null || p.getActions().size() != 1) {
            log.error("block_actions with {} actions ignored", p.getActions() == null ? 0 : p.getActions().size());
            return Optional.empty();
        }
        BlockActionPayload.Action a = p.getActions().get(0);
        String channel = p.getChannel() != null ? p.getChannel().getId()
                : p.getContainer() == null ? "" : p.getContainer().getChannelId();
        String ts = p.getContainer() != null && p.getContainer().getMessageTs() != null
                ? p.getContainer().getMessageTs() : p.getMessage() == null ? "" : p.getMessage().getTs();
        return Optional.of(new Click(channel, ts, p.getUser().getId(), a.getActionId(),
                a.getValue() == null ? "" : a.getValue(), p.getTriggerId()));
    }

    /** Handles a webhook click (§6.3 steps 2–7); false when the envelope must not be acknowledged. */
    boolean webhookClicked(Click c) {
        Optional<Issue> issue = store.findIssueBySlackPostId(c.channelId(), c.ts()).filter(i -> !i.archived());
        if (issue.isEmpty()) {
            shortcuts.later(() -> notifier.ephemeral(c.channelId(), c.userId(), "No active issue found for this "
                    + "message."));
            return true;
        }
        Optional<Webhook> webhook = WebhookAction.webhook(issue.get(), c.value());
        if (webhook.isEmpty()) {
            shortcuts.later(() -> notifier.ephemeral(c.channelId(), c.userId(), "This issue has no webhook `"
                    + c.value() + "` (any more)."));
            return true;
        }
        if (!debounce.accept(c.channelId(), c.ts(), c.value(), c.userId())) {
            log.info("Webhook {} on {}/{}: second click within {} ignored", c.value(), c.channelId(), c.ts(),
                    ClickDebounce.WINDOW);
            return true;
        }
        Webhook w = webhook.get();
        if (w.skipConfirmationDialog()) {
            try {
                queue.enqueue(command(c.channelId(), c.ts(), c.userId(), "click:" + triggerOrRandom(c.triggerId()),
                        Map.of("webhookId", w.id())));
                return true;
            } catch (QueueUnavailableException e) {
                debounce.release(c.channelId(), c.ts(), c.value(), c.userId());
                log.warn("Webhook click not queued, left for Slack to redeliver: {}", e.getMessage());
                return false;
            }
        }
        shortcuts.later(() -> {
            ChannelAdmins.Right right = ChannelAdmins.rightForAccessLevel(w.accessLevel());
            if (!admins.has(right, c.userId(), c.channelId())) {
                notifier.ephemeral(c.channelId(), c.userId(), WebhookAction.refusal(w, right));
                return;
            }
            notifier.openView(c.triggerId(), Modals.confirmWebhook(w, c.channelId(), c.ts()));
        });
        return true;
    }

    /** Option buttons dispatch on their value (§6.1). */
    void optionClicked(Click c) {
        switch (c.value()) {
            case Modals.MOVE_SHORTCUT ->
                    shortcuts.later(() -> shortcuts.openMove(c.channelId(), c.ts(), c.userId(), c.triggerId()));
            case Modals.DETAILS_SHORTCUT ->
                    shortcuts.later(() -> shortcuts.openDetails(c.channelId(), c.ts(), c.userId(), c.triggerId()));
            default -> log.error("Unknown option button value {}", c.value());
        }
    }

    /** The {@code webhook} command of a confirmation modal's submission (§6.3 step 8). */
    Optional<QueuedCommand> confirmed(ViewSubmissionPayload p) {
        Map<String, String> meta = Modals.metadataValues(p.getView().getPrivateMetadata());
        String channel = meta.getOrDefault("channelId", "");
        String ts = meta.getOrDefault("messageTs", "");
        String webhookId = meta.getOrDefault("webhookId", "");
        if (channel.isEmpty() || ts.isEmpty() || webhookId.isEmpty()) {
            log.warn("Webhook confirmation without metadata ignored");
            return Optional.empty();
        }
        ViewInputs in = new ViewInputs(p.getView().getState());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("webhookId", webhookId);
        params.put("plainTextInput", in.allTexts());
        params.put("checkboxInput", in.allCheckboxes());
        return Optional.of(command(channel, ts, p.getUser().getId(), ShortcutRoutes.eventId(p), params));
    }

    private QueuedCommand command(String channel, String ts, String user, String eventId,
                                  Map<String, Object> webhookParameters) {
        return QueuedCommand.fromInteraction(clock.instant(), channel, ts, "", user, WebhookAction.ACTION, eventId)
                .with(Map.of(), webhookParameters);
    }

    private static String triggerOrRandom(String trigger) {
        return trigger == null || trigger.isEmpty() ? UUID.randomUUID().toString() : trigger;
    }
}
