package dev.slackmgr.api.ratelimit;

/** Rounding of waiting times to whole header seconds. */
final class Seconds {
    /** Upper bound used by the reference for an unreachable wait. */
    static final long MAX = 86_400;
    /** Absorbs floating-point noise such as 1000.0000000000001 for an exact 1000 s wait. */
    private static final double EPSILON = 1e-9;

    private Seconds() {
    }

    /** {@code ceil(seconds)}, tolerant of float noise, capped at {@link #MAX}. */
    static long ceil(double seconds) {
        if (Double.isNaN(seconds) || seconds >= MAX) {
            return MAX;
        }
        return Math.max(0, (long) Math.ceil(seconds - EPSILON));
    }
}
