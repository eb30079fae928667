package dev.slackmgr.api.ingest;

import dev.slackmgr.common.alert.Alert;

import java.time.Instant;
import java.util.List;

/** Turns an Alertmanager webhook body into alerts; refusals are thrown as {@link IngestException}. */
@FunctionalInterface
public interface PrometheusDecoder {
    List<Alert> decode(byte[] body, Instant now);
}
