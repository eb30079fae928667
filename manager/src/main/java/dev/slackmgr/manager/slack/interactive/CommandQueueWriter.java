package dev.slackmgr.manager.slack.interactive;

import dev.slackmgr.common.queue.QueueProducer;
import dev.slackmgr.manager.command.QueuedCommand;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Writes commands to the {@code commands} queue, partitioned by channel (issue-lifecycle.md §14): the instance
 * that owns the channel's queue applies them under the channel lock. Returns once Redis has the command, so the
 * envelope can be acknowledged; throws {@code QueueUnavailableException} otherwise (then it is not acknowledged
 * and Slack redelivers it).
 */
public final class CommandQueueWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final QueueProducer producer;

    public CommandQueueWriter(QueueProducer producer) {
        this.producer = producer;
    }

    public void enqueue(QueuedCommand command) {
        producer.send(command.slackChannelId(), List.of(JSON.writeValueAsString(command)));
    }
}
