package dev.slackmgr.api.prometheus;

/**
 * The webhook body is not a valid Alertmanager payload. The controller answers 400
 * {@code Failed to decode POST body: <message>}.
 */
public class PrometheusDecodeException extends Exception {
    public PrometheusDecodeException(String message) {
        super(message);
    }

    public PrometheusDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
