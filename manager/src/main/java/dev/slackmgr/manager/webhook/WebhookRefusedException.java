package dev.slackmgr.manager.webhook;

/** The target is not allowed ({@link WebhookTargetPolicy}); never retried. */
public final class WebhookRefusedException extends Exception {
    public WebhookRefusedException(String message) {
        super(message);
    }
}
