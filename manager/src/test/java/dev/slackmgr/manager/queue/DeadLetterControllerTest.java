package dev.slackmgr.manager.queue;

import dev.slackmgr.common.queue.MessageHandler;
import dev.slackmgr.common.queue.RedisStreamQueueProducer;
import dev.slackmgr.common.queue.UnprocessableMessageException;
import dev.slackmgr.common.testing.TestRedis;
import dev.slackmgr.manager.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The dead-letter endpoint, with a test handler in place of the real alert processing (overridden below). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.allow-bean-definition-overriding=true")
class DeadLetterControllerTest {
    static final Set<String> handled = ConcurrentHashMap.newKeySet();
    static volatile boolean rejectBad = true;
    private static final String PREFIX = "mgr-test-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("slackmgr.queue.key-prefix", () -> PREFIX);
        registry.add("slackmgr.lock-key-prefix", () -> PREFIX + ":");
        // an own database: this cached context's periodic cycle must not process other tests' channels
        TestPostgres.Database db = TestPostgres.createDatabase();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @TestConfiguration
    static class Handlers {
        @Bean
        MessageHandler alertMessageHandler() {
            return m -> {
                if (rejectBad && m.body().equals("bad")) {
                    throw new UnprocessableMessageException("cannot decode");
                }
                handled.add(m.body());
            };
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    @Qualifier("alertQueueProducer")
    RedisStreamQueueProducer alerts;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void listsAndReplaysDeadLetters() throws Exception {
        alerts.send("C1", List.of("bad", "good"));
        waitFor(() -> handled.contains("good"));

        HttpResponse<String> list = get("/admin/dead-letters?queue=alerts&limit=50");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode letters = json.readTree(list.body());
        assertThat(letters.size()).isEqualTo(1);
        JsonNode letter = letters.get(0);
        assertThat(letter.get("reason").asString()).isEqualTo("unprocessable");
        assertThat(letter.get("channelId").asString()).isEqualTo("C1");
        assertThat(letter.get("originalFields").get("body").asString()).isEqualTo("bad");

        assertThat(get("/admin/dead-letters?queue=nope").statusCode()).isEqualTo(404);
        assertThat(post("/admin/dead-letters/alerts/1-1/replay").statusCode()).isEqualTo(404);
        assertThat(post("/admin/dead-letters/alerts/xyz/replay").statusCode()).isEqualTo(400);

        rejectBad = false;
        HttpResponse<String> replay = post("/admin/dead-letters/alerts/" + letter.get("id").asString() + "/replay");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replay.body()).get("replayedAs").asString()).matches("\\d+-\\d+");
        waitFor(() -> handled.contains("bad"));
        assertThat(json.readTree(get("/admin/dead-letters?queue=alerts").body()).size()).isZero();
        assertThat(get("/admin/dead-letters?queue=commands").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
