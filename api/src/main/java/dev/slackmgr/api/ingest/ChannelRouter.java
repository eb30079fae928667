package dev.slackmgr.api.ingest;

import java.util.Optional;

/** Finds the channel for a route key and alert type from the current routing rules. */
@FunctionalInterface
public interface ChannelRouter {
    Optional<String> channelFor(String routeKey, String alertType);
}
