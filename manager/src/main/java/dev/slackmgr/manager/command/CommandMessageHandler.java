package dev.slackmgr.manager.command;

import dev.slackmgr.common.queue.MessageHandler;
import dev.slackmgr.common.queue.QueueMessage;
import dev.slackmgr.common.queue.UnprocessableMessageException;
import dev.slackmgr.manager.channel.ChannelProcessor;
import dev.slackmgr.manager.channel.InfraRetry;
import dev.slackmgr.manager.issue.IssueCommand;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handles messages of the {@code commands} queue (issue-lifecycle.md §11): decodes the command (undecodable →
 * dead letter) and applies it to the issue whose post it refers to, under the channel lock, retrying
 * infrastructure failures. Actions handled outside the issue engine ({@code webhook}, {@code create_issue}) go,
 * after the same guard, to their {@link CommandAction}; without one they are logged and acknowledged.
 */
public final class CommandMessageHandler implements MessageHandler {
    private static final Logger log = LoggerFactory.getLogger(CommandMessageHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final ChannelProcessor processor;
    private final InfraRetry retry;
    private final MeterRegistry metrics;
    private final CommandGuard guard;
    private final Map<String, CommandAction> actions;

    public CommandMessageHandler(ChannelProcessor processor, InfraRetry retry, MeterRegistry metrics) {
        this(processor, retry, metrics, CommandGuard.TRUSTING);
    }

    public CommandMessageHandler(ChannelProcessor processor, InfraRetry retry, MeterRegistry metrics,
                                 CommandGuard guard) {
        this(processor, retry, metrics, guard, List.of());
    }

    public CommandMessageHandler(ChannelProcessor processor, InfraRetry retry, MeterRegistry metrics,
                                 CommandGuard guard, List<CommandAction> actions) {
        this.processor = processor;
        this.retry = retry;
        this.metrics = metrics;
        this.guard = guard;
        Map<String, CommandAction> byName = new HashMap<>();
        actions.forEach(a -> byName.putIfAbsent(a.action(), a));
        this.actions = Map.copyOf(byName);
    }

    @Override
    public void handle(QueueMessage message) throws Exception {
        QueuedCommand command = decode(message.body());
        Optional<IssueCommand.Action> action = Arrays.stream(IssueCommand.Action.values())
                .filter(a -> a.wire().equals(command.action())).findFirst();
        CommandAction other = actions.get(command.action());
        if (action.isEmpty() && other == null) {
            log.info("Command {} on {} is not handled by this manager; acknowledged", command.action(),
                    command.slackChannelId());
            count("discarded");
            return;
        }
        String channel = command.slackChannelId().isEmpty() ? message.channelId() : command.slackChannelId();
        CommandGuard.Verdict verdict = retry.run("access check of " + command.action() + " on " + channel + "/"
                + command.ts(), () -> guard.admit(command, message.id()));
        if (verdict instanceof CommandGuard.Verdict.Skip skip) {
            log.info("Command {} on {}/{} by {} not applied: {}", command.action(), channel, command.ts(),
                    command.userId(), skip.reason());
            count(skip.result());
            return;
        }
        String realName = ((CommandGuard.Verdict.Apply) verdict).userRealName();
        if (action.isEmpty()) {
            retry.run("command " + command.action() + " on " + channel + "/" + command.ts(), () -> {
                other.apply(command, realName);
                return null;
            });
            count("success");
            return;
        }
        IssueCommand issueCommand = new IssueCommand(action.get(), channel, command.ts(), command.userId(),
                realName, command.parameter("targetChannelId"), "");
        retry.run("command " + command.action() + " on " + channel + "/" + command.ts(),
                () -> processor.processCommand(issueCommand, command.includeArchivedIssues(),
                        command.executeWhenNoIssueFound()));
        count("success");
    }

    static QueuedCommand decode(String body) {
        try {
            return JSON.readValue(body, QueuedCommand.class);
        } catch (JacksonException e) {
            throw new UnprocessableMessageException("command body cannot be decoded: " + e.getOriginalMessage(), e);
        }
    }

    private void count(String result) {
        metrics.counter("slackmgr.queue.messages.processed", "queue_type", "command", "result", result).increment();
    }
}
