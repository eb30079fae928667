package dev.slackmgr.api.web;

import dev.slackmgr.api.ingest.Accepted;
import dev.slackmgr.api.ingest.IngestException;
import dev.slackmgr.api.ingest.IngestPipeline;
import dev.slackmgr.api.prometheus.PrometheusAlerts;
import dev.slackmgr.api.prometheus.PrometheusRejectedException;
import dev.slackmgr.common.alert.Alert;
import dev.slackmgr.common.alert.AlertDecodeException;
import dev.slackmgr.common.alert.AlertJson;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** Alert ingestion endpoints (rest-api.md §4.1–4.3). */
@RestController
public class AlertController {
    private static final Logger log = LoggerFactory.getLogger(AlertController.class);

    private final IngestPipeline pipeline;
    private final RequestBodyReader bodies;
    private final Clock clock;

    public AlertController(IngestPipeline pipeline, RequestBodyReader bodies, Clock clock) {
        this.pipeline = pipeline;
        this.bodies = bodies;
        this.clock = clock;
    }

    @PostMapping({"/alert", "/alerts", "/alert/{slackChannelId}", "/alerts/{slackChannelId}"})
    public ResponseEntity<Void> alerts(@PathVariable(required = false) String slackChannelId,
                                       HttpServletRequest request) {
        List<Alert> alerts = decodeAlerts(bodies.read(request));
        return respond(pipeline.ingest(alerts, slackChannelId, IngestPipeline.Source.ALERTS));
    }

    @PostMapping({"/prometheus-alert", "/prometheus-alert/{slackChannelId}"})
    public ResponseEntity<Void> prometheus(@PathVariable(required = false) String slackChannelId,
                                           HttpServletRequest request) {
        List<Alert> alerts;
        try {
            alerts = PrometheusAlerts.fromBody(bodies.read(request), clock.instant());
        } catch (PrometheusRejectedException e) {
            throw IngestException.badRequest(e.getMessage(), null);
        }
        return respond(pipeline.ingest(alerts, slackChannelId, IngestPipeline.Source.PROMETHEUS));
    }

    @PostMapping({"/alerts-test", "/alerts-test/{slackChannelId}"})
    public ResponseEntity<Void> alertsTest(@PathVariable(required = false) String slackChannelId,
                                           HttpServletRequest request) {
        List<Alert> resolved = pipeline.resolveOnly(decodeAlerts(bodies.read(request)), slackChannelId);
        for (Alert a : resolved) {
            log.info("alerts-test: channel={} routeKey={} header={}", a.slackChannelId(), a.routeKey(), a.header());
        }
        return ResponseEntity.noContent().build();
    }

    private static List<Alert> decodeAlerts(byte[] body) {
        try {
            return AlertJson.decodeRequestBody(body);
        } catch (AlertDecodeException e) {
            throw IngestException.badRequest(
                    "failed to parse POST body: failed to json unmarshal input: " + e.getMessage(), null);
        }
    }

    private static ResponseEntity<Void> respond(Accepted accepted) {
        if (accepted.queued() == 0) {
            return ResponseEntity.noContent().build();
        }
        HttpHeaders headers = new HttpHeaders();
        accepted.headers().forEach(headers::set);
        return new ResponseEntity<>(headers, HttpStatus.ACCEPTED);
    }
}
