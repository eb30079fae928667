package dev.slackmgr.common.alert;

/** One option of a checkbox group. */
public record WebhookCheckboxOption(String value, String text, boolean selected) {
    public WebhookCheckboxOption {
        value = Alert.nz(value);
        text = Alert.nz(text);
    }
}
