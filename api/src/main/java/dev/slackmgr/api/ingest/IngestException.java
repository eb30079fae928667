package dev.slackmgr.api.ingest;

import dev.slackmgr.common.alert.Alert;

import java.util.Map;

/**
 * A request the pipeline refuses. {@code rawMessage} is the reference's internal (lower-case first) text;
 * the HTTP layer capitalises it for 4xx and hides it behind "Internal server error" for 5xx.
 */
public class IngestException extends RuntimeException {
    private final int status;
    private final transient Alert alert;
    private final Map<String, String> headers;

    public IngestException(int status, String rawMessage, Alert alert, Map<String, String> headers, Throwable cause) {
        super(rawMessage, cause);
        this.status = status;
        this.alert = alert;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static IngestException badRequest(String rawMessage, Alert alert) {
        return new IngestException(400, rawMessage, alert, Map.of(), null);
    }

    public int status() {
        return status;
    }

    /** The offending alert, when one is known (used by error reports). */
    public Alert alert() {
        return alert;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
