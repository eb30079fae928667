package dev.slackmgr.manager.webhook;

/**
 * Delivers webhook callbacks to one kind of target. Every bean of this type is consulted, in {@code @Order}, before
 * the built-in {@link HttpsWebhookHandler}; the first whose {@link #handles} accepts the webhook's {@code url} gets
 * the callback (slack-interactions.md §6.3: "custom handlers are consulted first"). A handler for, say, a message
 * queue accepts its own URL scheme ({@code sqs://…}).
 */
public interface WebhookHandler {

    /** True when this handler delivers callbacks to {@code target} (the webhook's {@code url}). */
    boolean handles(String target);

    /**
     * Delivers the callback; returns once the target has it. Runs on a webhook worker thread, never on the
     * command queue's thread. A thrown exception is logged and counted as a failed callback (and the user told).
     */
    void send(String target, WebhookCallback callback) throws Exception;
}
