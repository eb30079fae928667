package dev.slackmgr.common.tracing;

import dev.slackmgr.common.queue.QueueTracing;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing (docs/operations.md, "Tracing"): Spring Boot's Micrometer Tracing on the OpenTelemetry SDK with OTLP/HTTP
 * export, switched by {@code management.tracing.export.enabled} ({@code MANAGEMENT_TRACING_EXPORT_ENABLED}),
 * {@code false} in {@code application.yaml}. Off, the tracer and propagator are the no-op ones – no span is made,
 * no trace context is read or written, nothing is exported – and {@code application.yaml} also switches the
 * OpenTelemetry SDK off ({@code management.opentelemetry.enabled}), so there is no span processor or exporter.
 *
 * <p>Shared by the api and the manager ({@code @Import} on their application classes); the only Spring code in
 * {@code common}, which depends on Spring Boot optionally for it.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    /** Trace context through the Redis stream entries (no-op when tracing is off). */
    @Bean
    QueueTracing queueTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new QueueTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /**
     * Requests to {@code /actuator} (health probes every few seconds, Prometheus scrapes) are not exported as traces;
     * they are still measured as {@code http.server.requests}.
     */
    @Bean
    SpanExportingPredicate noActuatorSpans() {
        return span -> !span.getName().contains(" /actuator");
    }

    /** Tracing off: the no-op tracer and propagator take the place of the OpenTelemetry ones. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "management.tracing.export.enabled", havingValue = false)
    static class TracingOff {
        @Bean
        Tracer tracingOffTracer() {
            return Tracer.NOOP;
        }

        @Bean
        Propagator tracingOffPropagator() {
            return Propagator.NOOP;
        }
    }
}
