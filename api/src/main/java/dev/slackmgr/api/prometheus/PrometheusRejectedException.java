package dev.slackmgr.api.prometheus;

/**
 * An Alertmanager request the API answers with 400. The message is the reference's raw (lower-case
 * first) text: {@code failed to decode POST body: <detail>} or {@code prometheus alert list is empty}.
 */
public class PrometheusRejectedException extends Exception {
    public PrometheusRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
