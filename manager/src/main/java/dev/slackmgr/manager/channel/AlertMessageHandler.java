package dev.slackmgr.manager.channel;

import dev.slackmgr.common.queue.BatchMessageHandler;
import dev.slackmgr.common.queue.QueueMessage;
import dev.slackmgr.common.queue.UnprocessableMessageException;
import dev.slackmgr.manager.issue.ManagedAlert;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.ArrayList;
import java.util.List;

/**
 * Handles messages of the {@code alerts} queue: decode (undecodable or invalid → dead letter), then apply the
 * alert through the {@link ChannelProcessor}, retrying infrastructure failures until they pass. Returning
 * acknowledges the message. A fresh batch of a channel is applied together – one lock hold, one transaction –
 * unless one of its alerts belongs to an issue moved to another channel; then one by one.
 */
public final class AlertMessageHandler implements BatchMessageHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AlertMessageHandler.class);
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
            log.debug("applying alert: channel_id={} message_id={} attempt={}", message.channelId(), message.id(),
                    message.attempt());
            retry.run("alert " + message.id() + " of " + message.channelId(), () -> processor.processAlert(alert));
            ticks.activate(alert.channelId());
        } catch (UnprocessableMessageException e) {
            result = "discarded";
            throw e;
        } finally {
            count(result, 1);
            sample.stop(metrics.timer("slackmgr.queue.message.processing.duration", "queue_type", "alert"));
        }
    }

    @Override
    public List<Rejection> handleAll(List<QueueMessage> messages) throws Exception {
        List<Rejection> rejections = new ArrayList<>();
        List<ManagedAlert> alerts = new ArrayList<>(messages.size());
        List<QueueMessage> accepted = new ArrayList<>(messages.size());
        for (QueueMessage m : messages) {
            try {
                alerts.add(processor.decode(m.body()));
                accepted.add(m);
            } catch (UnprocessableMessageException e) {
                rejections.add(new Rejection(m.id(), e.toString()));
            }
        }
        if (!alerts.isEmpty()) {
            if (processor.appliesTogether(alerts)) {
                log.debug("applying alerts together: channel_id={} count={} first_message_id={}",
                        messages.get(0).channelId(), alerts.size(), messages.get(0).id());
                Timer.Sample sample = Timer.start(metrics);
                retry.run("alerts " + messages.get(0).id() + ".. of " + messages.get(0).channelId(),
                        () -> processor.processAlerts(alerts));
                sample.stop(metrics.timer("slackmgr.queue.message.processing.duration",
                        "queue_type", "alert"));
                ticks.activate(alerts.get(0).channelId());
            } else {
                oneByOne(messages, alerts, accepted, rejections);
            }
        }
        count("success", alerts.size());
        count("discarded", rejections.size());
        return rejections;
    }

    /** Applies the alerts in order; a failure ends the batch there (the consumer handles the rest singly). */
    private void oneByOne(List<QueueMessage> messages, List<ManagedAlert> alerts, List<QueueMessage> accepted,
                          List<Rejection> rejections) throws Exception {
        for (int i = 0; i < alerts.size(); i++) {
            ManagedAlert alert = alerts.get(i);
            try {
                retry.run("alert " + accepted.get(i).id() + " of " + accepted.get(i).channelId(),
                        () -> processor.processAlert(alert));
                ticks.activate(alert.channelId());
            } catch (Exception e) {
                int completed = messages.indexOf(accepted.get(i));
                List<Rejection> before = rejections.stream()
                        .filter(r -> indexOf(messages, r.messageId()) < completed).toList();
                throw new PartialBatchException(completed, before, e);
            }
        }
    }

    private static int indexOf(List<QueueMessage> messages, String id) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void count(String result, int n) {
        if (n > 0) {
            metrics.counter("slackmgr.queue.messages.processed", "queue_type", "alert", "result", result).increment(n);
        }
    }
}
