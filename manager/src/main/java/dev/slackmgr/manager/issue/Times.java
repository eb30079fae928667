package dev.slackmgr.manager.issue;

import java.time.Duration;
import java.time.Instant;

/** Go's zero time and nanosecond durations as the issue JSON stores them. */
public final class Times {
    /** Go's zero {@code time.Time}: "unset". */
    public static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private Times() {
    }

    /** True when the instant is unset (Go zero time). */
    public static boolean isZero(Instant t) {
        return t == null || ZERO.equals(t);
    }

    /** Seconds as Go-duration nanoseconds. */
    public static long secondsToNanos(long seconds) {
        return Duration.ofSeconds(seconds).toNanos();
    }

    /** Go's {@code time.RFC3339Nano} rendering of a UTC instant (fraction without trailing zeros). */
    public static String rfc3339Nano(Instant t) {
        Instant secs = Instant.ofEpochSecond(t.getEpochSecond());
        String base = secs.toString();
        if (t.getNano() == 0) {
            return base;
        }
        String frac = String.format("%09d", t.getNano()).replaceAll("0+$", "");
        return base.substring(0, base.length() - 1) + "." + frac + "Z";
    }

    /** {@code t} plus a Go-duration in nanoseconds. */
    public static Instant plusNanos(Instant t, long nanos) {
        return t.plusNanos(nanos);
    }
}
