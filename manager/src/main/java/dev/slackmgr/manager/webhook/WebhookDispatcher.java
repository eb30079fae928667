package dev.slackmgr.manager.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Sends webhook callbacks in the background (the command that asked for one is acknowledged at once, as in the
 * reference): picks the first {@link WebhookHandler} that handles the target – custom handlers in order, then the
 * built-in {@link HttpsWebhookHandler} – and counts the outcome in {@code slackmgr_webhook_callbacks_total{result}}
 * ({@code success}, {@code failed}, {@code refused}).
 */
public final class WebhookDispatcher {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final List<WebhookHandler> handlers;
    private final ExecutorService workers;
    private final MeterRegistry metrics;

    public WebhookDispatcher(List<WebhookHandler> custom, WebhookHandler builtIn, ExecutorService workers,
                             MeterRegistry metrics) {
        List<WebhookHandler> all = new ArrayList<>(custom);
        all.add(builtIn);
        this.handlers = List.copyOf(all);
        this.workers = workers;
        this.metrics = metrics;
    }

    /** The handler for {@code target}, if any. */
    public Optional<WebhookHandler> handlerFor(String target) {
        return handlers.stream().filter(h -> h.handles(target)).findFirst();
    }

    /**
     * Sends the callback in the background; {@code onFailure} gets a short reason when it finally failed.
     *
     * @return false when no handler handles the target (nothing is sent)
     */
    public boolean dispatch(String target, WebhookCallback callback, Consumer<String> onFailure) {
        Optional<WebhookHandler> handler = handlerFor(target);
        if (handler.isEmpty()) {
            count("refused");
            return false;
        }
        try {
            workers.execute(() -> send(handler.get(), target, callback, onFailure));
        } catch (RejectedExecutionException e) {
            log.warn("Webhook {} on {}/{} not sent: shutting down", callback.id(), callback.channelId(),
                    callback.messageId());
            count("failed");
            onFailure.accept("the manager is shutting down");
        }
        return true;
    }

    private void send(WebhookHandler handler, String target, WebhookCallback callback, Consumer<String> onFailure) {
        try {
            handler.send(target, callback);
            count("success");
            log.info("Webhook {} of {}/{} sent for {}", callback.id(), callback.channelId(), callback.messageId(),
                    callback.userId());
        } catch (WebhookRefusedException e) {
            count("refused");
            log.warn("Webhook {} of {}/{} not sent: {}", callback.id(), callback.channelId(), callback.messageId(),
                    e.getMessage());
            onFailure.accept(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            count("failed");
        } catch (Exception e) {
            count("failed");
            log.warn("Webhook {} of {}/{} failed: {}", callback.id(), callback.channelId(), callback.messageId(),
                    e.toString());
            onFailure.accept(e instanceof WebhookTargetPolicy.BlockedTargetException ? e.getMessage()
                    : "the target could not be reached or answered with an error");
        }
    }

    private void count(String result) {
        metrics.counter("slackmgr.webhook.callbacks", "result", result).increment();
    }
}
