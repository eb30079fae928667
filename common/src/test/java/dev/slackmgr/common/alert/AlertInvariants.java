package dev.slackmgr.common.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties every decoded alert must have (fuzz tests here and in the api module): cleaning and validation
 * never throw, cleaning is idempotent, and a cleaned alert that validates re-encodes (queue form) and decodes
 * to an equal alert, both as a queue body and as a request body.
 */
public final class AlertInvariants {
    /** Fixed clock: regression runs are deterministic. */
    public static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    private AlertInvariants() {
    }

    /** Checks the properties for {@code alert}; returns the validation failure, if any. */
    public static Optional<String> check(Alert alert) {
        Alert cleaned = AlertCleaner.clean(alert, NOW);
        assertThat(AlertCleaner.clean(cleaned, NOW)).as("cleaning is idempotent").isEqualTo(cleaned);
        Optional<String> failure = AlertValidator.validate(cleaned);
        if (failure.isPresent()) {
            assertThat(failure.get()).isNotBlank();
            return failure;
        }
        String encoded = AlertJson.encode(cleaned);
        assertThat(AlertJson.decode(encoded)).as("decode(encode(a)) of %s", encoded).isEqualTo(cleaned);
        assertThat(AlertJson.decodeRequestBody(encoded.getBytes(StandardCharsets.UTF_8)))
                .as("request body of %s", encoded).containsExactly(cleaned);
        return failure;
    }
}
