package dev.slackmgr.api.acceptance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access with API keys (issue #8 item 7), beyond {@link ApiKeyTest}: every alert endpoint form (with and without a
 * channel segment, odd but routable paths that a servlet container normalises) refuses a request without a valid
 * key, and nothing is queued. Sent over a raw socket so the path reaches the server exactly as written.
 */
class ApiKeyBypassTest extends ApiTestBase {
    private static final String ALERT = "{\"slackChannelId\":\"C123\",\"header\":\"x\"}";

    @BeforeEach
    void withKeys() {
        settings(FIXTURE + "apiKeys: [key-one]\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/alert", "/alerts", "/alert/C123", "/alerts/C123", "/prometheus-alert",
            "/prometheus-alert/C123", "/alerts-test", "/alerts-test/C123", "/mappings", "/channels",
            // routable paths that start like the open ones (/ping, /actuator): must not skip the key check
            "/actuator/../alerts", "/ping/../alerts", "/actuator/..;/alerts", "/ping;x=1/../alerts", "/./alerts",
            "//alerts", "/actuator/%2e%2e/alerts", "/ping/%2e%2e/alert/C123", "/actuatorx/../alerts",
            "/alerts;jsessionid=1", "/%61lerts"})
    void everyAlertEndpointRefusesMissingAndWrongKeys(String path) throws Exception {
        for (String auth : new String[]{null, "Bearer key-two", "Bearer ", "Bearer key-one-x", "key-one",
                "Basic a2V5LW9uZQ==", "Bearer  key-on", "Bearer key-one\u0000"}) {
            RawHttp.Reply reply = send(path, auth);
            assertThat(reply.status()).as("%s with %s: %s", path, auth, reply.text()).isIn(401, 400, 404);
            if (reply.status() == 401) {
                assertThat(reply.text()).isEqualTo("{\"error\":\"Missing or invalid API key\"}");
            } else {
                assertThat(HttpFuzzTest.isJsonError(reply)).as("%s with %s: %s", path, auth, reply.text()).isTrue();
            }
        }
        assertThat(queued()).as("nothing queued without a valid key").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/alerts", "/alert/C123", "/prometheus-alert"})
    void theConfiguredKeyIsAccepted(String path) throws Exception {
        String body = path.startsWith("/prometheus") ? "{\"alerts\":[{\"labels\":{\"channel\":\"C123\"}}]}" : ALERT;
        RawHttp.Reply reply = send(path, "Bearer key-one", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        assertThat(queued("C123")).hasSize(1);
    }

    private RawHttp.Reply send(String path, String authorization) throws Exception {
        String body = path.contains("prometheus") ? "{\"alerts\":[{\"labels\":{\"channel\":\"C123\"}}]}" : ALERT;
        return send(path, authorization, body);
    }

    private RawHttp.Reply send(String path, String authorization, String body) throws Exception {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n";
        try (RawHttp http = new RawHttp("127.0.0.1", port, 10_000)) {
            byte[] head8 = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] req = new byte[head8.length + b.length];
            System.arraycopy(head8, 0, req, 0, head8.length);
            System.arraycopy(b, 0, req, head8.length, b.length);
            return http.exchange(req, false, false);
        }
    }
}
