package dev.slackmgr.manager.channel;

import dev.slackmgr.common.queue.MessageHandler;
import dev.slackmgr.common.queue.QueueMessage;
import dev.slackmgr.common.queue.UnprocessableMessageException;
import dev.slackmgr.manager.issue.ManagedAlert;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Handles messages of the {@code alerts} queue: decode (undecodable or invalid → dead letter), then apply the
 * alert through the {@link ChannelProcessor}, retrying infrastructure failures until they pass. Returning
 * acknowledges the message.
 */
public final class AlertMessageHandler implements MessageHandler {
    private final ChannelProcessor processor;
    private final InfraRetry retry;
    private final TickScheduler ticks;
    private final MeterRegistry metrics;

    public AlertMessageHandler(ChannelProcessor processor, InfraRetry retry, TickScheduler ticks,
                               MeterRegistry metrics) {
        this.processor = processor;
        this.retry = retry;
        this.ticks = ticks;
        this.metrics = metrics;
    }

    /**
     * Counts {@code slackmgr_queue_messages_processed_total{queue_type="alert",result}} (success or discarded)
     * and {@code slackmgr_queue_message_processing_duration_seconds{queue_type="alert"}}.
     */
    @Override
    public void handle(QueueMessage message) throws Exception {
        Timer.Sample sample = Timer.start(metrics);
        String result = "success";
        try {
            ManagedAlert alert = processor.decode(message.body());
            retry.run("alert " + message.id() + " of " + message.channelId(), () -> processor.processAlert(alert));
            ticks.activate(alert.channelId());
        } catch (UnprocessableMessageException e) {
            result = "discarded";
            throw e;
        } finally {
            metrics.counter("slackmgr.queue.messages.processed", "queue_type", "alert", "result", result).increment();
            sample.stop(metrics.timer("slackmgr.queue.message.processing.duration", "queue_type", "alert"));
        }
    }
}
