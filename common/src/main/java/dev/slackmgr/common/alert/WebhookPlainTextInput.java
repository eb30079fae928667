package dev.slackmgr.common.alert;

/** A free-text input shown in the webhook's modal. */
public record WebhookPlainTextInput(String id, String description, long minLength, long maxLength,
                                    boolean multiline, String initialValue) {
    public WebhookPlainTextInput {
        id = Alert.nz(id);
        description = Alert.nz(description);
        initialValue = Alert.nz(initialValue);
    }
}
