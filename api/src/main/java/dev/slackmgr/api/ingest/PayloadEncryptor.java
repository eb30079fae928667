package dev.slackmgr.api.ingest;

import java.util.Map;

/** Encrypts a webhook payload into {@code {"__encrypted_data": …}}. */
public interface PayloadEncryptor {

    /** Thrown when the payload cannot be encrypted because of its content (e.g. too large). */
    class PayloadRejected extends RuntimeException {
        public PayloadRejected(String message) {
            super(message);
        }
    }

    Map<String, Object> encrypt(Map<String, Object> payload);
}
