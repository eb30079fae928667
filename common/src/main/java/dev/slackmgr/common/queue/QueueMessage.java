package dev.slackmgr.common.queue;

import java.time.Instant;
import java.util.Map;

/**
 * One queue entry handed to a {@link MessageHandler}.
 *
 * @param queue      queue name
 * @param channelId  Slack channel id (the {@code channel_id} field, else the stream's channel)
 * @param id         Redis stream entry id
 * @param body       the {@code body} field
 * @param fields     all fields of the entry
 * @param attempt    1 for the first attempt; higher for redeliveries and retries
 * @param receivedAt when this consumer read the entry
 */
public record QueueMessage(String queue, String channelId, String id, String body, Map<String, String> fields,
                           int attempt, Instant receivedAt) {
    public QueueMessage {
        fields = Map.copyOf(fields);
    }
}
