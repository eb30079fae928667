package dev.slackmgr.common.alert;

/** A two-column key/value entry of the post (alert-schema.md §2.1). */
public record Field(String title, String value) {
    public Field {
        title = Alert.nz(title);
        value = Alert.nz(value);
    }
}
