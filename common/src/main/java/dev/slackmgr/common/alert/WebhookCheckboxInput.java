package dev.slackmgr.common.alert;

import java.util.List;

/** A checkbox group shown in the webhook's modal. */
public record WebhookCheckboxInput(String id, String label, List<WebhookCheckboxOption> options) {
    public WebhookCheckboxInput {
        id = Alert.nz(id);
        label = Alert.nz(label);
    }
}
