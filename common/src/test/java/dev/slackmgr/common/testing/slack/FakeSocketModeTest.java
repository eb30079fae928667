package dev.slackmgr.common.testing.slack;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake's Socket Mode server, driven by a plain Java-WebSocket client. */
class FakeSocketModeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeSlack slack = new FakeSlack(new FakeWorkspace("U0BOT").channel("C1", "alerts")
            .user("U1", "Ada Lovelace").userGroup("S1", "U1"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Client> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws InterruptedException {
        for (Client c : clients) {
            c.closeBlocking();
        }
        slack.close();
    }

    /** A client that records what it receives and acks envelopes unless told not to. */
    private final class Client extends WebSocketClient {
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        final AtomicInteger closes = new AtomicInteger();
        volatile boolean ack = true;

        Client(String url) {
            super(URI.create(url));
            clients.add(this);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            JsonNode m = JSON.readTree(message);
            received.add(m);
            if (ack && m.has("envelope_id")) {
                send("{\"envelope_id\":\"" + m.get("envelope_id").asString() + "\",\"payload\":{\"text\":\"ok\"}}");
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closes.incrementAndGet();
        }

        @Override
        public void onError(Exception ex) {
        }

        List<JsonNode> ofType(String type) {
            return received.stream().filter(m -> m.get("type").asString().equals(type)).toList();
        }
    }

    private JsonNode open(String token) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + "apps.connections.open"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private Client connect() throws Exception {
        Client c = new Client(open("xapp-1").get("url").asString());
        assertThat(c.connectBlocking()).isTrue();
        assertThat(FakeSocketMode.await(WAIT, () -> !c.ofType("hello").isEmpty())).isTrue();
        return c;
    }

    @Test
    void connectionsOpenNeedsAnAppTokenAndAnswersAWebSocketUrl() throws Exception {
        assertThat(open("xoxb-bot").get("error").asString()).isEqualTo("not_allowed_token_type");
        assertThat(open("xapp-1").get("url").asString()).startsWith("ws://127.0.0.1:");
    }

    @Test
    void deliversEnvelopesAndRecordsAcks() throws Exception {
        Client c = connect();
        String id = slack.socketMode().sendEvent("Ev1", Map.of("type", "reaction_added", "reaction", "eyes"));
        assertThat(FakeSocketMode.await(WAIT, () -> slack.socketMode().acknowledged(id))).isTrue();
        JsonNode envelope = c.ofType("events_api").get(0);
        assertThat(envelope.get("envelope_id").asString()).isEqualTo(id);
        assertThat(envelope.get("retry_attempt").asInt()).isZero();
        assertThat(envelope.get("payload").get("event_id").asString()).isEqualTo("Ev1");
        assertThat(envelope.get("payload").get("event").get("reaction").asString()).isEqualTo("eyes");
        assertThat(slack.socketMode().acksOf(id).get(0).payload().get("text").asString()).isEqualTo("ok");

        String cmd = slack.socketMode().sendSlashCommand(Map.of("command", "/slackmgr", "text", "help"));
        assertThat(FakeSocketMode.await(WAIT, () -> slack.socketMode().acknowledged(cmd))).isTrue();
        assertThat(c.ofType("slash_commands").get(0).get("accepts_response_payload").asBoolean()).isTrue();
    }

    @Test
    void unackedAndLostAcksAreRedeliveredWithRetryAttempt() throws Exception {
        slack.socketMode().ackTimeout(Duration.ofMillis(300));
        Client c = connect();
        c.ack = false;
        String id = slack.socketMode().sendEvent("Ev2", Map.of("type", "app_mention"));
        assertThat(FakeSocketMode.await(WAIT, () -> c.ofType("events_api").size() == 2)).isTrue();
        c.ack = true;
        assertThat(FakeSocketMode.await(WAIT, () -> slack.socketMode().acknowledged(id))).isTrue();
        assertThat(c.ofType("events_api")).extracting(m -> m.get("retry_attempt").asInt()).startsWith(0, 1);
        assertThat(c.ofType("events_api").get(1).get("retry_reason").asString()).isEqualTo("timeout");

        slack.socketMode().loseNextAcks(1);
        String lost = slack.socketMode().sendEvent("Ev3", Map.of("type", "app_mention"));
        assertThat(FakeSocketMode.await(WAIT, () -> slack.socketMode().acknowledged(lost))).isTrue();
        assertThat(slack.socketMode().lostAcks()).extracting(FakeSocketMode.Ack::envelopeId).containsExactly(lost);
        assertThat(slack.socketMode().deliveries().stream().filter(d -> d.envelopeId().equals(lost)))
                .extracting(FakeSocketMode.Delivery::retryAttempt).containsExactly(0, 1);
    }

    @Test
    void disconnectDropAndEnvelopesWaitingForTheNextConnection() throws Exception {
        Client a = connect();
        slack.socketMode().sendDisconnect("refresh_requested");
        assertThat(FakeSocketMode.await(WAIT, () -> !a.ofType("disconnect").isEmpty())).isTrue();
        assertThat(a.ofType("disconnect").get(0).get("reason").asString()).isEqualTo("refresh_requested");
        assertThat(FakeSocketMode.await(WAIT, () -> a.closes.get() == 1)).as("closed after the grace period").isTrue();

        Client b = connect();
        slack.socketMode().dropConnections();
        assertThat(FakeSocketMode.await(WAIT, () -> b.closes.get() == 1)).isTrue();
        assertThat(slack.socketMode().openConnections()).isZero();
        String id = slack.socketMode().sendEvent("Ev4", Map.of("type", "app_mention"));
        Client c = connect();
        assertThat(FakeSocketMode.await(WAIT, () -> slack.socketMode().acknowledged(id))).isTrue();
        assertThat(c.ofType("events_api")).hasSize(1);
        assertThat(slack.socketMode().connectionsOpened()).isEqualTo(3);
    }

    @Test
    void sameEventToEachConnection() throws Exception {
        Client a = connect();
        Client b = connect();
        List<String> ids = slack.socketMode().sendEventToEachConnection("Ev5", Map.of("type", "reaction_added"));
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(FakeSocketMode.await(WAIT, () -> ids.stream().allMatch(slack.socketMode()::acknowledged))).isTrue();
        assertThat(a.ofType("events_api").get(0).get("payload").get("event_id").asString()).isEqualTo("Ev5");
        assertThat(b.ofType("events_api").get(0).get("payload").get("event_id").asString()).isEqualTo("Ev5");
    }

    @Test
    void usersGroupsEphemeralsAndViews() throws Exception {
        assertThat(call("users.info", "user=U1").get("user").get("real_name").asString()).isEqualTo("Ada Lovelace");
        assertThat(call("users.info", "user=U0BOT").get("user").get("is_bot").asBoolean()).isTrue();
        assertThat(call("users.info", "user=U9").get("error").asString()).isEqualTo("user_not_found");
        assertThat(call("usergroups.users.list", "usergroup=S1").get("users").get(0).asString()).isEqualTo("U1");
        assertThat(call("usergroups.users.list", "usergroup=S9").get("error").asString()).isEqualTo("no_such_subteam");
        assertThat(call("chat.postEphemeral", "channel=C1&user=U1&text=hi").get("ok").asBoolean()).isTrue();
        assertThat(call("chat.postEphemeral", "channel=C9&user=U1&text=hi").get("error").asString())
                .isEqualTo("channel_not_found");
        assertThat(slack.notices().ephemeralsTo("U1")).extracting(FakeNotices.Ephemeral::text).containsExactly("hi");
        assertThat(call("views.open", "trigger_id=t1&view=%7B%7D").get("view").get("id").asString()).startsWith("V");
        assertThat(slack.notices().views()).extracting(FakeNotices.View::triggerId).containsExactly("t1");
    }

    private JsonNode call(String method, String form) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
