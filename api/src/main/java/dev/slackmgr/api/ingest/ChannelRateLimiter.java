package dev.slackmgr.api.ingest;

import java.util.Map;

/** Per-channel token buckets, taken all-or-nothing per request. */
public interface ChannelRateLimiter {

    /** Result of an attempt: granted with success headers, or refused for one channel with 429 headers. */
    sealed interface Decision permits Granted, Refused {
    }

    record Granted(Map<String, String> headers) implements Decision {
    }

    record Refused(String channelId, int alerts, Map<String, String> headers) implements Decision {
    }

    /** Takes {@code alertsByChannel.get(c)} tokens from each channel's bucket, or none at all. */
    Decision acquire(Map<String, Integer> alertsByChannel);

    /** The largest number of alerts one request may carry for one channel (the bucket capacity). */
    int allowedBurst();
}
