package dev.slackmgr.common.alert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A free-text input shown in the webhook's modal. */
@JsonPropertyOrder({"id", "description", "minLength", "maxLength", "multiline", "initialValue"})
public record WebhookPlainTextInput(String id, String description, long minLength, long maxLength,
                                    boolean multiline, String initialValue) {
    public WebhookPlainTextInput {
        id = Alert.nz(id);
        description = Alert.nz(description);
        initialValue = Alert.nz(initialValue);
    }
}
