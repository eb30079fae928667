package dev.slackmgr.api.ingest;

import dev.slackmgr.api.channel.SlackChannelDirectory;
import dev.slackmgr.api.routing.RoutingRules;
import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.GoText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides the channel of every raw alert before cleaning (rest-api.md §5.1): the alert's own
 * {@code slackChannelId}, else the URL path parameter, mapped from a channel name to its ID when the bot
 * is in such a channel; otherwise the routing rules by route key and type.
 */
public final class ChannelResolver {
    private final SlackChannelDirectory directory;
    private final Supplier<RoutingRules> rules;

    public ChannelResolver(SlackChannelDirectory directory, Supplier<RoutingRules> rules) {
        this.directory = directory;
        this.rules = rules;
    }

    /** Returns the alerts with {@code slackChannelId} set, or throws a 400 for the first unroutable one. */
    public List<Alert> resolve(List<Alert> alerts, String pathChannel) {
        List<Alert> out = new ArrayList<>(alerts.size());
        for (Alert a : alerts) {
            out.add(resolveOne(a, pathChannel == null ? "" : pathChannel));
        }
        return out;
    }

    private Alert resolveOne(Alert a, String pathChannel) {
        // Better than the reference: a whitespace-only channel counts as absent (Go sends it to Slack as "").
        String channel = GoText.trim(a.slackChannelId()).isEmpty() ? pathChannel : a.slackChannelId();
        if (!channel.isEmpty()) {
            String id = directory.idForName(channel).orElse(channel);
            return withChannel(a, id);
        }
        Optional<String> routed = rules.get().channelFor(a.routeKey().toLowerCase(Locale.ROOT),
                a.type().toLowerCase(Locale.ROOT));
        if (routed.isPresent()) {
            return withChannel(a, routed.get());
        }
        if (a.routeKey().isEmpty()) {
            throw IngestException.badRequest("alert has no route key, and no fallback mapping exists", a);
        }
        throw IngestException.badRequest(
                "no mapping exists for route key " + a.routeKey() + " and alert type " + a.type(), a);
    }

    private static Alert withChannel(Alert a, String channel) {
        Alert.Builder b = a.toBuilder();
        b.slackChannelId = channel;
        return b.build();
    }
}
