package dev.slackmgr.common.alert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One option of a checkbox group. */
@JsonPropertyOrder({"value", "text", "selected"})
public record WebhookCheckboxOption(String value, String text, boolean selected) {
    public WebhookCheckboxOption {
        value = Alert.nz(value);
        text = Alert.nz(text);
    }
}
