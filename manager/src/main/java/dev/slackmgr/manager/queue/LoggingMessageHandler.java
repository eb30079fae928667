package dev.slackmgr.manager.queue;

import dev.slackmgr.common.queue.MessageHandler;
import dev.slackmgr.common.queue.QueueMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Default handler until the issue engine plugs in: logs and acknowledges every message. */
public final class LoggingMessageHandler implements MessageHandler {
    private static final Logger log = LoggerFactory.getLogger(LoggingMessageHandler.class);

    @Override
    public void handle(QueueMessage m) {
        log.info("queue message received: queue_name={} channel_id={} message_id={} attempt={}", m.queue(),
                m.channelId(), m.id(), m.attempt());
    }
}
