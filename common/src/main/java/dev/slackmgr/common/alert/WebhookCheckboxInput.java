package dev.slackmgr.common.alert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** A checkbox group shown in the webhook's modal. */
@JsonPropertyOrder({"id", "label", "options"})
public record WebhookCheckboxInput(String id, String label, List<WebhookCheckboxOption> options) {
    public WebhookCheckboxInput {
        id = Alert.nz(id);
        label = Alert.nz(label);
    }
}
