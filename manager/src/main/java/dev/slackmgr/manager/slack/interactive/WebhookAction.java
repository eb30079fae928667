package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.common.alert.Webhook;
import dev.slackmgr.common.crypto.PayloadCipher;
import dev.slackmgr.common.crypto.PayloadCipherException;
import dev.slackmgr.manager.command.CommandAction;
import dev.slackmgr.manager.command.QueuedCommand;
import dev.slackmgr.manager.issue.Issue;
import dev.slackmgr.manager.issue.ManagerSettings;
import dev.slackmgr.manager.issue.Times;
import dev.slackmgr.manager.store.IssueStore;
import dev.slackmgr.manager.webhook.WebhookCallback;
import dev.slackmgr.manager.webhook.WebhookDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code webhook} command, applied by the instance that consumes the channel's commands (so once, after the
 * {@link InteractionGuard}'s dedupe and user checks; issue-lifecycle.md §11.2): the issue must still be open, the
 * webhook still on its last alert and the user allowed by its {@code accessLevel} (checked again here: the rights
 * in force when it happens); then the payload is decrypted and the callback handed to the
 * {@link WebhookDispatcher}, which sends it in the background. Whatever stops it is told to the user ephemerally,
 * including a callback that finally failed.
 */
public final class WebhookAction implements CommandAction {
    private static final Logger log = LoggerFactory.getLogger(WebhookAction.class);
    public static final String ACTION = "webhook";

    private final IssueStore store;
    private final ChannelAdmins admins;
    private final SlackNotifier notifier;
    private final PayloadCipher cipher;
    private final WebhookDispatcher dispatcher;
    private final Supplier<ManagerSettings> settings;
    private final Clock clock;

    /** @param cipher null when no encryption key is configured (payloads are then empty) */
    public WebhookAction(IssueStore store, ChannelAdmins admins, SlackNotifier notifier, PayloadCipher cipher,
                         WebhookDispatcher dispatcher, Supplier<ManagerSettings> settings, Clock clock) {
        this.store = store;
        this.admins = admins;
        this.notifier = notifier;
        this.cipher = cipher;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void apply(QueuedCommand command, String userRealName) {
        String channel = command.slackChannelId();
        String user = command.userId();
        Object id = command.webhookParameter("webhookId");
        Optional<Issue> issue = store.findIssueBySlackPostId(channel, command.ts()).filter(i -> !i.archived());
        if (issue.isEmpty()) {
            notifier.ephemeral(channel, user, "No active issue found for this message; the webhook was not sent.");
            return;
        }
        Optional<Webhook> found = webhook(issue.get(), id == null ? "" : id.toString());
        if (found.isEmpty()) {
            notifier.ephemeral(channel, user, "This issue has no webhook `" + id + "` (any more); nothing was sent.");
            return;
        }
        Webhook w = found.get();
        ChannelAdmins.Right right = ChannelAdmins.rightForAccessLevel(w.accessLevel());
        if (!admins.has(right, user, channel)) {
            log.info("Webhook {} on {}/{} refused for {}: needs {}", w.id(), channel, command.ts(), user, right);
            notifier.ephemeral(channel, user, refusal(w, right));
            return;
        }
        Map<String, Object> payload;
        try {
            payload = cipher == null ? new LinkedHashMap<>() : cipher.decrypt(w.payload());
        } catch (PayloadCipherException e) {
            log.warn("Webhook {} on {}/{}: payload cannot be decrypted: {}", w.id(), channel, command.ts(),
                    e.getMessage());
            notifier.ephemeral(channel, user, "The webhook *" + w.buttonText() + "* cannot be sent: its payload "
                    + "cannot be decrypted.");
            return;
        }
        WebhookCallback callback = new WebhookCallback(w.id(), user, userRealName, channel, command.ts(),
                Times.rfc3339Nano(clock.instant()), texts(command.webhookParameter("plainTextInput")),
                lists(command.webhookParameter("checkboxInput")), payload);
        boolean handled = dispatcher.dispatch(w.url(), callback, reason -> notifier.ephemeral(channel, user,
                "The webhook *" + w.buttonText() + "* failed: " + reason));
        if (!handled) {
            log.warn("Webhook {} on {}/{}: no handler for its target", w.id(), channel, command.ts());
            notifier.ephemeral(channel, user, "The webhook *" + w.buttonText() + "* cannot be sent: no handler for "
                    + "its target.");
        }
    }

    /** The webhook with this ID on the issue's last alert. */
    static Optional<Webhook> webhook(Issue issue, String id) {
        List<Webhook> hooks = issue.lastAlert().alert().webhooks();
        return hooks == null ? Optional.empty()
                : hooks.stream().filter(w -> w != null && w.id().equals(id)).findFirst();
    }

    static String refusal(Webhook w, ChannelAdmins.Right right) {
        return "The button *" + w.buttonText() + "* is only for " + (right == ChannelAdmins.Right.GLOBAL_ADMIN
                ? "global admins" : "channel admins") + " of this app.";
    }

    private static Map<String, String> texts(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : v.toString()));
        }
        return out;
    }

    private static Map<String, List<String>> lists(Object o) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of()));
        }
        return out;
    }
}
