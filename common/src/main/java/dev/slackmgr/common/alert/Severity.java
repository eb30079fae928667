package dev.slackmgr.common.alert;

import java.util.Locale;
import java.util.Optional;

/** Alert severities and their priorities (alert-schema.md §3). */
public enum Severity {
    PANIC(3), ERROR(2), WARNING(1), RESOLVED(0), INFO(0);

    private final int priority;

    Severity(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }

    /** The wire value: {@code panic}, {@code error}, … */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an already cleaned wire value; no aliases. */
    public static Optional<Severity> fromWire(String value) {
        for (Severity s : values()) {
            if (s.wire().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** True for panic, error and warning: the severities an issue can be escalated to. */
    public boolean isAlerting() {
        return priority > 0;
    }
}
