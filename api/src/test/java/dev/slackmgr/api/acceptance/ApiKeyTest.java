package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Better than the reference: optional API keys from the settings file (docs/compatibility.md). */
class ApiKeyTest extends ApiTestBase {
    private static final String ALERT = "{\"slackChannelId\":\"C123\",\"header\":\"x\"}";

    @BeforeEach
    void withKeys() {
        settings(FIXTURE + "apiKeys: [key-one, key-two]\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/alerts", "/alert/C123", "/prometheus-alert", "/alerts-test"})
    void alertEndpointsRefuseMissingOrWrongKeys(String path) {
        Response missing = post(path, ALERT);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error()).isEqualTo("Missing or invalid API key");
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(post(path, ALERT, Map.of("Authorization", "Bearer key-three")).status()).isEqualTo(401);
        assertThat(post(path, ALERT, Map.of("Authorization", "Basic a2V5LW9uZQ==")).status()).isEqualTo(401);
        assertThat(queued()).isEmpty();
    }

    @Test
    void eachConfiguredKeyIsAccepted() {
        assertThat(post("/alerts", ALERT, Map.of("Authorization", "Bearer key-one")).status()).isEqualTo(202);
        assertThat(post("/alerts", ALERT, Map.of("Authorization", "Bearer key-two")).status()).isEqualTo(202);
        assertThat(queued("C123")).hasSize(2);
    }

    @Test
    void pingAndHealthStayOpen() {
        assertThat(get("/ping").status()).isEqualTo(200);
        assertThat(get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void keysAreHotReloaded() {
        settings(FIXTURE);
        assertThat(post("/alerts", ALERT).status()).isEqualTo(202);
    }
}
