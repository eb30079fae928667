package dev.slackmgr.manager.webhook;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in HTTP handler against a local server: retries, timeouts, redirects, the policy. */
class WebhookHttpHandlerTest {
    private final HttpServer server = start();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long delayMillis;

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/", exchange -> {
                requests.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Integer status = statuses.poll();
                int code = status == null ? 200 : status;
                if (code == 302) {
                    exchange.getResponseHeaders().add("Location", "http://169.254.169.254/");
                }
                exchange.sendResponseHeaders(code, -1);
                exchange.close();
            });
            s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            s.start();
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private static HttpsWebhookHandler handler(String... allow) {
        return new HttpsWebhookHandler(new WebhookTargetPolicy(List.of(allow), InetAddress::getAllByName),
                Duration.ofMillis(500), 3, Duration.ofMillis(50));
    }

    private static WebhookCallback callback() {
        return new WebhookCallback("id", "U1", "User", "C1", "1.2", "2024-01-01T00:00:00Z", Map.of(), Map.of(),
                Map.of("a", 1));
    }

    @Test
    void serverErrorsAndTooManyRequestsAreRetried() throws Exception {
        statuses.addAll(List.of(503, 429));
        try (HttpsWebhookHandler h = handler("127.0.0.1")) {
            h.send(url(), callback());
        }
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void retriesAreBounded() {
        statuses.addAll(List.of(500, 500, 500, 500));
        assertThatThrownBy(() -> {
            try (HttpsWebhookHandler h = handler("127.0.0.1")) {
                h.send(url(), callback());
            }
        }).hasMessageContaining("HTTP 500");
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void clientErrorsAndRedirectsAreNotRetriedNorFollowed() {
        statuses.add(400);
        assertThatThrownBy(() -> {
            try (HttpsWebhookHandler h = handler("127.0.0.1")) {
                h.send(url(), callback());
            }
        }).hasMessageContaining("HTTP 400");
        statuses.add(302);
        assertThatThrownBy(() -> {
            try (HttpsWebhookHandler h = handler("127.0.0.1")) {
                h.send(url(), callback());
            }
        }).hasMessageContaining("HTTP 302");
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void aResponseTimeoutFailsWithoutRetry() {
        delayMillis = 1500;
        assertThatThrownBy(() -> {
            try (HttpsWebhookHandler h = handler("127.0.0.1")) {
                h.send(url(), callback());
            }
        }).isInstanceOf(java.net.SocketTimeoutException.class);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void unsafeTargetsAreRefusedWithoutARequest() {
        assertThatThrownBy(() -> {
            try (HttpsWebhookHandler h = handler()) {
                h.send(url(), callback());
            }
        }).isInstanceOf(WebhookRefusedException.class).hasMessageContaining("only https://");
        assertThat(requests.get()).isZero();
        try (HttpsWebhookHandler h = handler()) {
            assertThat(h.handles("HTTPS://x.example.com")).isTrue();
            assertThat(h.handles("sqs://queue")).isFalse();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
