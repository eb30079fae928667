package dev.slackmgr.common.alert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/** An interactive button of the post (alert-schema.md §2.3). */
@JsonPropertyOrder({"id", "url", "confirmationText", "buttonText", "buttonStyle", "accessLevel", "displayMode",
        "payload", "plainTextInput", "checkboxInput", "skipConfirmationDialog"})
public record Webhook(
        String id,
        String url,
        String confirmationText,
        String buttonText,
        String buttonStyle,
        String accessLevel,
        String displayMode,
        Map<String, Object> payload,
        List<WebhookPlainTextInput> plainTextInput,
        List<WebhookCheckboxInput> checkboxInput,
        boolean skipConfirmationDialog) {
    public Webhook {
        id = Alert.nz(id);
        url = Alert.nz(url);
        confirmationText = Alert.nz(confirmationText);
        buttonText = Alert.nz(buttonText);
        buttonStyle = Alert.nz(buttonStyle);
        accessLevel = Alert.nz(accessLevel);
        displayMode = Alert.nz(displayMode);
    }
}
