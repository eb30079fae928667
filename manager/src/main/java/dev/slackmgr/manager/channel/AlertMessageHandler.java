package dev.slackmgr.manager.channel;

import dev.slackmgr.common.queue.MessageHandler;
import dev.slackmgr.common.queue.QueueMessage;
import dev.slackmgr.manager.issue.ManagedAlert;

/**
 * Handles messages of the {@code alerts} queue: decode (undecodable or invalid → dead letter), then apply the
 * alert through the {@link ChannelProcessor}, retrying infrastructure failures until they pass. Returning
 * acknowledges the message.
 */
public final class AlertMessageHandler implements MessageHandler {
    private final ChannelProcessor processor;
    private final InfraRetry retry;
    private final TickScheduler ticks;

    public AlertMessageHandler(ChannelProcessor processor, InfraRetry retry, TickScheduler ticks) {
        this.processor = processor;
        this.retry = retry;
        this.ticks = ticks;
    }

    @Override
    public void handle(QueueMessage message) throws Exception {
        ManagedAlert alert = processor.decode(message.body());
        retry.run("alert " + message.id() + " of " + message.channelId(), () -> processor.processAlert(alert));
        ticks.activate(alert.channelId());
    }
}
