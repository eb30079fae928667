package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertCleaner;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.alert.AlertValidator;
import dev.slackmgr.common.queue.QueueProducer;
import dev.slackmgr.manager.command.CommandAction;
import dev.slackmgr.manager.command.QueuedCommand;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code create_issue} command (issue-lifecycle.md §11.3), applied after the {@link InteractionGuard} checked
 * that the user is a channel admin of the target channel: builds an alert from the modal's values – the creator's
 * real name as post username – cleans and validates it, and queues it on the alert queue, where it is applied like
 * any alert. The correlation ID was chosen when the modal was submitted, so a retried command lands in the same
 * issue. An invalid alert (e.g. follow-up with 0 hours auto-resolve) is told to the user.
 */
public final class CreateIssueAction implements CommandAction {
    private static final Pattern EMOJI = Pattern.compile("^:[^:\\s]+:$");

    private final QueueProducer alerts;
    private final SlackNotifier notifier;
    private final Clock clock;

    public CreateIssueAction(QueueProducer alerts, SlackNotifier notifier, Clock clock) {
        this.alerts = alerts;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public String action() {
        return "create_issue";
    }

    @Override
    public void apply(QueuedCommand command, String userRealName) {
        Instant now = clock.instant();
        String channel = command.parameter("targetChannelId").isEmpty() ? command.slackChannelId()
                : command.parameter("targetChannelId");
        Alert.Builder b = Alert.builder();
        b.timestamp = now.atOffset(ZoneOffset.UTC);
        b.correlationId = command.parameter("correlationId").isEmpty() ? "manual-" + UUID.randomUUID()
                : command.parameter("correlationId");
        b.slackChannelId = channel;
        b.header = command.parameter("header");
        b.text = command.parameter("text");
        b.severity = command.parameter("severity");
        b.issueFollowUpEnabled = Boolean.parseBoolean(command.parameter("followUpEnabled"));
        b.autoResolveSeconds = number(command.parameter("autoResolveSeconds"));
        String emoji = command.parameter("iconEmoji");
        b.iconEmoji = EMOJI.matcher(emoji).matches() ? emoji : "";
        b.username = userRealName;
        Alert alert = AlertCleaner.clean(b.build(), now);
        Optional<String> problem = AlertValidator.validate(alert);
        if (problem.isPresent()) {
            notifier.ephemeral(channel, command.userId(), "The issue was not created: " + problem.get() + ".");
            return;
        }
        alerts.send(channel, List.of(AlertJson.encode(alert)));
    }

    private static long number(String s) {
        try {
            return s.isEmpty() ? 0 : (long) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
