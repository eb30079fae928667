package dev.slackmgr.common.alert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A two-column key/value entry of the post (alert-schema.md §2.1). */
@JsonPropertyOrder({"title", "value"})
public record Field(String title, String value) {
    public Field {
        title = Alert.nz(title);
        value = Alert.nz(value);
    }
}
