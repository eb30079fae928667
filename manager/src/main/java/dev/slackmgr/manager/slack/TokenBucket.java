package dev.slackmgr.manager.slack;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket that hands out reservations: {@link #reserve} takes a token now or schedules it for when the
 * bucket will have refilled, so waiting callers are served in order and never more than {@code burst + rate × t}
 * calls start in any interval {@code t}. Thread-safe.
 */
final class TokenBucket implements Pace {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    TokenBucket(SlackClientSettings.Rate rate, LongSupplier nanoClock) {
        this.perNano = rate.perSecond() / 1e9;
        this.burst = rate.burst();
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    TokenBucket(SlackClientSettings.Rate rate) {
        this(rate, System::nanoTime);
    }

    /**
     * Reserves one token if it is available within {@code maxWait}.
     *
     * @return how long to wait before using it, or {@code null} when it would take longer than {@code maxWait}
     *         (nothing reserved then)
     */
    @Override
    public synchronized Duration reserve(Duration maxWait) {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        double after = tokens - 1;
        long waitNanos = after >= 0 ? 0 : (long) Math.ceil(-after / perNano);
        if (waitNanos > maxWait.toNanos()) {
            return null;
        }
        tokens = after;
        return Duration.ofNanos(waitNanos);
    }

    /** How long until a token is available (zero: now); reserves nothing. */
    @Override
    public synchronized Duration waitTime() {
        long now = nanoClock.getAsLong();
        double available = Math.min(burst, tokens + (now - last) * perNano);
        return available >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - available) / perNano));
    }
}
