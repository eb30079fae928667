package dev.slackmgr.api.ingest;

import java.util.List;
import java.util.Map;

/**
 * Outcome of a request that was not refused: {@code queued} alerts (0 → 204) and the rate-limit
 * headers of the most constrained channel.
 */
public record Accepted(int queued, Map<String, String> headers, List<String> channels) {
    public static Accepted nothing() {
        return new Accepted(0, Map.of(), List.of());
    }
}
