package dev.slackmgr.api.ingest;

import dev.slackmgr.api.channel.ChannelInfo;
import dev.slackmgr.api.channel.SlackChannelDirectory;
import dev.slackmgr.api.channel.SlackLookupException;
import dev.slackmgr.api.ratelimit.Acquisition;
import dev.slackmgr.api.ratelimit.ChannelRateLimiter;
import dev.slackmgr.api.settings.ApiSettings;
import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertCleaner;
import dev.slackmgr.common.alert.AlertJson;
import dev.slackmgr.common.alert.AlertValidator;
import dev.slackmgr.common.alert.IgnoreFilter;
import dev.slackmgr.common.alert.Webhook;
import dev.slackmgr.common.crypto.PayloadCipher;
import dev.slackmgr.common.crypto.PayloadTooLargeException;
import dev.slackmgr.common.queue.QueueProducer;
import dev.slackmgr.common.queue.QueueUnavailableException;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The alert ingestion pipeline (rest-api.md §1), improved so that a request is checked completely before
 * anything is written: resolve channels → clean → validate → ignore filter → per-channel cap → channel
 * checks → webhook encryption → rate limit (all channels or none) → one atomic write per channel.
 */
public final class IngestPipeline {
    private final ChannelResolver resolver;
    private final SlackChannelDirectory directory;
    private final ChannelRateLimiter rateLimiter;
    private final PayloadCipher cipher;
    private final QueueProducer queue;
    private final Supplier<ApiSettings> settings;
    private final Clock clock;
    private final MeterRegistry metrics;

    /**
     * @param cipher {@code null} when no encryption key is configured (alerts with webhooks are refused)
     */
    public IngestPipeline(ChannelResolver resolver, SlackChannelDirectory directory, ChannelRateLimiter rateLimiter,
                          PayloadCipher cipher, QueueProducer queue, Supplier<ApiSettings> settings,
                          Clock clock, MeterRegistry metrics) {
        this.resolver = resolver;
        this.directory = directory;
        this.rateLimiter = rateLimiter;
        this.cipher = cipher;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Runs the pipeline for the alerts of one request.
     *
     * @throws IngestException for every refusal (4xx, 5xx, 503 when the queue is unavailable)
     */
    public Accepted ingest(List<Alert> raw, String pathChannel, Source source) {
        if (raw.isEmpty()) {
            return Accepted.nothing();
        }
        List<Alert> kept = cleanValidateAndFilter(resolver.resolve(raw, pathChannel));
        if (kept.isEmpty()) {
            return Accepted.nothing();
        }
        Map<String, List<Alert>> byChannel = groupByChannel(kept);
        if (source == Source.ALERTS) {
            checkRequestCap(byChannel);
        }
        byChannel.forEach(this::checkChannel);
        Map<String, List<String>> bodies = encryptAndEncode(byChannel);
        Map<String, String> headers = takeTokens(byChannel, source);
        write(bodies, byChannel);
        return new Accepted(kept.size(), headers, List.copyOf(byChannel.keySet()));
    }

    /** Where the alerts came from: the endpoints differ in how they refuse (see {@link #takeTokens}). */
    public enum Source { ALERTS, PROMETHEUS }

    /** Resolves channels only, as {@code /alerts-test} does. */
    public List<Alert> resolveOnly(List<Alert> raw, String pathChannel) {
        return resolver.resolve(raw, pathChannel);
    }

    private List<Alert> cleanValidateAndFilter(List<Alert> resolved) {
        List<Alert> kept = new ArrayList<>(resolved.size());
        for (Alert a : resolved) {
            Alert clean = AlertCleaner.clean(a, clock.instant());
            Optional<String> problem = AlertValidator.validate(clean);
            if (problem.isPresent()) {
                throw IngestException.badRequest("input validation failed: " + problem.get(), clean);
            }
            if (!IgnoreFilter.isIgnored(clean)) {
                kept.add(clean);
            }
        }
        return kept;
    }

    private static Map<String, List<Alert>> groupByChannel(List<Alert> alerts) {
        Map<String, List<Alert>> byChannel = new LinkedHashMap<>();
        for (Alert a : alerts) {
            byChannel.computeIfAbsent(a.slackChannelId(), k -> new ArrayList<>()).add(a);
        }
        return byChannel;
    }

    private void checkRequestCap(Map<String, List<Alert>> byChannel) {
        int limit = rateLimiter.allowedBurst();
        byChannel.forEach((channel, alerts) -> {
            if (alerts.size() > limit) {
                throw IngestException.badRequest("too many alerts for channel %s: %d alerts (limit: %d)"
                        .formatted(channel, alerts.size(), limit), alerts.get(0));
            }
        });
    }

    private void checkChannel(String channel, List<Alert> alerts) {
        Alert first = alerts.get(0);
        ChannelInfo info;
        try {
            info = directory.info(channel);
        } catch (SlackLookupException e) {
            throw new IngestException(500, "failed to get channel info for " + channel + ": " + e.getMessage(),
                    first, Map.of(), e);
        }
        if (!info.exists()) {
            throw IngestException.badRequest("unable to find channel " + channel + " in workspace", first);
        }
        if (info.archived()) {
            throw IngestException.badRequest("channel " + channel + " is archived", first);
        }
        if (!info.botMember()) {
            throw IngestException.badRequest("the Slack Manager integration is not in channel " + channel, first);
        }
        int max = settings.get().maxUsersInAlertChannel();
        if (info.memberCount() > max) {
            throw IngestException.badRequest("the number of users (%d) in channel %s exceeds the limit (%d)"
                    .formatted(info.memberCount(), channel, max), first);
        }
    }

    private Map<String, List<String>> encryptAndEncode(Map<String, List<Alert>> byChannel) {
        Map<String, List<String>> bodies = new LinkedHashMap<>();
        byChannel.forEach((channel, alerts) -> {
            List<String> encoded = new ArrayList<>(alerts.size());
            for (Alert a : alerts) {
                encoded.add(AlertJson.encode(encryptWebhooks(a)));
            }
            bodies.put(channel, encoded);
        });
        return bodies;
    }

    private Alert encryptWebhooks(Alert a) {
        if (a.webhooks() == null || a.webhooks().isEmpty()) {
            return a;
        }
        if (cipher == null) {
            throw IngestException.badRequest("alert contains webhooks, but no encryption key is configured", a);
        }
        List<Webhook> out = new ArrayList<>(a.webhooks().size());
        for (int i = 0; i < a.webhooks().size(); i++) {
            Webhook w = a.webhooks().get(i);
            if (w.payload() == null || w.payload().isEmpty()) {
                out.add(w);
                continue;
            }
            try {
                out.add(new Webhook(w.id(), w.url(), w.confirmationText(), w.buttonText(), w.buttonStyle(),
                        w.accessLevel(), w.displayMode(), cipher.encrypt(w.payload()), w.plainTextInput(),
                        w.checkboxInput(), w.skipConfirmationDialog()));
            } catch (PayloadTooLargeException e) {
                throw IngestException.badRequest("webhook[" + i + "].payload " + e.reason(), a);
            }
        }
        Alert.Builder b = a.toBuilder();
        b.webhooks = out;
        return b.build();
    }

    /**
     * Alertmanager retries only 5xx and drops a group answered with 4xx, so for {@link Source#PROMETHEUS} a
     * group larger than the burst needs a full bucket (not more tokens than exist) and a refusal is a 503.
     */
    private Map<String, String> takeTokens(Map<String, List<Alert>> byChannel, Source source) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int burst = rateLimiter.allowedBurst();
        byChannel.forEach((c, alerts) -> counts.put(c,
                source == Source.PROMETHEUS ? Math.min(alerts.size(), burst) : alerts.size()));
        Acquisition decision = rateLimiter.acquire(counts);
        if (decision instanceof Acquisition.Refused refused) {
            metrics.counter("slackmgr.http.alerts.rate.limited", "channel",
                    directory.info(refused.channelId()).displayName()).increment();
            int status = source == Source.PROMETHEUS ? 503 : 429;
            throw new IngestException(status, "rate limit exceeded for %d alerts in channel %s"
                    .formatted(byChannel.get(refused.channelId()).size(), refused.channelId()),
                    byChannel.get(refused.channelId()).get(0), refused.headers(), null);
        }
        return decision.headers();
    }

    private void write(Map<String, List<String>> bodies, Map<String, List<Alert>> byChannel) {
        for (Map.Entry<String, List<String>> e : bodies.entrySet()) {
            try {
                queue.send(e.getKey(), e.getValue());
            } catch (QueueUnavailableException ex) {
                throw new IngestException(503, "queue unavailable: " + ex.getMessage(),
                        byChannel.get(e.getKey()).get(0), Map.of("Retry-After", "5"), ex);
            }
        }
    }
}
