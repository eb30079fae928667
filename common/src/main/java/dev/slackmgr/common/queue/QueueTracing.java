package dev.slackmgr.common.queue;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Trace context through the queue (docs/operations.md, "Tracing"): a send is a {@code PRODUCER} span whose W3C
 * trace context ({@value #TRACEPARENT}, and {@code tracestate} / {@code baggage} when present) is written into every
 * stream entry of the send, next to {@code channel_id} and {@code body}; handling a message (or a batch) is a
 * {@code CONSUMER} span, a child of the context found in the (first) entry – a root span when the entry has none.
 * Entries of other traces in one batch become links of that span.
 *
 * <p>Entries without trace context are handled exactly as before, and consumers that do not know these fields
 * ignore them (they read only {@code channel_id} and {@code body}). {@link #NOOP} – the default everywhere – adds no
 * field and creates no span.
 */
public final class QueueTracing {
    /** The W3C trace context field of a stream entry. */
    public static final String TRACEPARENT = "traceparent";

    /** No tracing: no span, no extra stream-entry field. */
    public static final QueueTracing NOOP = new QueueTracing(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;
    private final boolean enabled;

    public QueueTracing(Tracer tracer, Propagator propagator) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        this.propagator = Objects.requireNonNull(propagator, "propagator");
        this.enabled = tracer != Tracer.NOOP && propagator != Propagator.NOOP;
    }

    /** Whether spans are made and trace context is carried. */
    public boolean enabled() {
        return enabled;
    }

    public Tracer tracer() {
        return tracer;
    }

    /**
     * Starts the {@code PRODUCER} span of one send (child of the current span, if any).
     *
     * @return the span (to be ended by the caller) and the fields to add to every entry of the send; {@code null}
     *         when tracing is off
     */
    Send startSend(String queue, String channelId, int count) {
        if (!enabled) {
            return null;
        }
        Span.Builder b = tracer.spanBuilder().name(queue + " send").kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "redis")
                .tag("messaging.operation.type", "send")
                .tag("messaging.destination.name", queue)
                .tag("messaging.batch.message_count", Integer.toString(count))
                .tag("slackmgr.channel_id", channelId);
        Span current = tracer.currentSpan();
        if (current != null) {
            b.setParent(current.context());
        }
        Span span = b.start();
        return new Send(span, fields(span.context()));
    }

    /** A started send span and the trace-context fields of its entries. */
    record Send(Span span, Map<String, String> fields) {
    }

    /**
     * Starts the {@code CONSUMER} span of handling {@code messages} (one, or one batch of a channel): a child of the
     * trace context of the first message that has one; the other messages' contexts of other traces become links.
     * Returns {@link Span#NOOP} when tracing is off.
     */
    Span startProcess(String queue, String channelId, List<QueueMessage> messages) {
        if (!enabled) {
            return Span.NOOP;
        }
        Span.Builder b = null;
        String parentTrace = null;
        Set<String> linked = new LinkedHashSet<>();
        for (QueueMessage m : messages) {
            String traceparent = m.fields().get(TRACEPARENT);
            if (traceparent == null || traceparent.isEmpty()) {
                continue;
            }
            if (b == null) {
                b = propagator.extract(m.fields(), Map::get);
                parentTrace = traceparent;
            } else if (!traceparent.equals(parentTrace)) {
                linked.add(traceparent);
            }
        }
        if (b == null) {
            b = tracer.spanBuilder().setNoParent();
        }
        b.name(queue + " process").kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "redis")
                .tag("messaging.operation.type", "process")
                .tag("messaging.destination.name", queue)
                .tag("slackmgr.channel_id", channelId);
        if (messages.size() == 1) {
            b.tag("messaging.message.id", messages.get(0).id());
            b.tag("messaging.message.delivery_attempt", Integer.toString(messages.get(0).attempt()));
        } else {
            b.tag("messaging.batch.message_count", Integer.toString(messages.size()));
        }
        for (String traceparent : linked) {
            TraceContext context = parse(traceparent);
            if (context != null) {
                b.addLink(new Link(context));
            }
        }
        return b.start();
    }

    /**
     * The W3C {@code traceparent} of the current span, or {@code null} without one (or with tracing off): what a
     * piece of work carries to where it is continued later.
     */
    public String currentTraceparent() {
        if (!enabled) {
            return null;
        }
        Span current = tracer.currentSpan();
        return current == null ? null : fields(current.context()).get(TRACEPARENT);
    }

    /**
     * A span builder that continues the trace of {@code traceparent} (a child of it), or starts a new trace when it
     * is {@code null} or empty. {@link Span.Builder#NOOP} when tracing is off.
     */
    public Span.Builder continueTrace(String traceparent) {
        if (!enabled) {
            return Span.Builder.NOOP;
        }
        if (traceparent == null || traceparent.isEmpty()) {
            return tracer.spanBuilder().setNoParent();
        }
        return propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
    }

    private Map<String, String> fields(TraceContext context) {
        Map<String, String> out = new LinkedHashMap<>();
        propagator.inject(context, out, (carrier, key, value) -> {
            if (carrier != null && value != null && !value.isEmpty() && !QueueKeys.FIELD_BODY.equals(key)
                    && !QueueKeys.FIELD_CHANNEL_ID.equals(key)) {
                carrier.put(key, value);
            }
        });
        return out;
    }

    /** {@code 00-<trace id>-<span id>-<flags>} as a trace context (for links), or {@code null} when malformed. */
    private TraceContext parse(String traceparent) {
        String[] parts = traceparent.split("-");
        if (parts.length < 4 || parts[1].length() != 32 || parts[2].length() != 16 || parts[3].length() != 2) {
            return null;
        }
        try {
            return tracer.traceContextBuilder().traceId(parts[1]).spanId(parts[2])
                    .sampled((Integer.parseInt(parts[3], 16) & 1) == 1).build();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
