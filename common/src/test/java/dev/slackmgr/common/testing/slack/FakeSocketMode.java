package dev.slackmgr.common.testing.slack;

import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The Socket Mode side of the fake Slack: a WebSocket server (Java-WebSocket, the library Bolt's
 * {@code JavaWebSocket} backend uses) whose URL {@code apps.connections.open} hands out.
 *
 * <p>Like Slack it greets every new connection with {@code hello}, wraps what it delivers in envelopes
 * ({@code events_api}, {@code interactive}, {@code slash_commands}) with an {@code envelope_id}, expects an
 * acknowledgement (a message with that {@code envelope_id}, optionally with a {@code payload}) and redelivers an
 * envelope that was not acknowledged within {@link #ackTimeout} with {@code retry_attempt} + 1 (to any open
 * connection, round robin), at most {@link #maxRetries} times. Envelopes sent while no connection is open wait for
 * the next one. A test can ask clients to reconnect ({@link #sendDisconnect}), drop every socket without a close
 * handshake ({@link #dropConnections}) and lose acknowledgements on the way ({@link #loseNextAcks}).
 */
public final class FakeSocketMode implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Server server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-socket-mode-timer");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<Ack> lostAcks = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private final AtomicInteger acksToLose = new AtomicInteger();
    private final AtomicInteger tickets = new AtomicInteger();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private volatile Duration ackTimeout = Duration.ofSeconds(3);
    private volatile int maxRetries = 3;

    /** One envelope sent on a connection ({@code connection} numbers connections from 1 in opening order). */
    public record Delivery(String envelopeId, String type, int retryAttempt, int connection) {
    }

    /** An acknowledgement received: the envelope ID and the response payload's JSON ({@code null} = none). */
    public record Ack(String envelopeId, String payloadJson, int connection) {
        /** The acknowledgement's payload, parsed ({@code null} when there is none). */
        public JsonNode payload() {
            return payloadJson == null ? null : JSON.readTree(payloadJson);
        }
    }

    private static final class Pending {
        final String envelopeId;
        final String type;
        final Object payload;
        final boolean acceptsResponsePayload;
        int attempt;

        Pending(String envelopeId, String type, Object payload, boolean acceptsResponsePayload) {
            this.envelopeId = envelopeId;
            this.type = type;
            this.payload = payload;
            this.acceptsResponsePayload = acceptsResponsePayload;
        }
    }

    FakeSocketMode() {
        server = new Server();
        server.setReuseAddr(true);
        server.start();
        try {
            if (!server.started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake Socket Mode server did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh {@code ws://} URL of this server, as {@code apps.connections.open} answers it. */
    public String url() {
        return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=" + tickets.incrementAndGet();
    }

    /** How long an envelope may stay unacknowledged before it is redelivered (Slack: about 3 s). */
    public FakeSocketMode ackTimeout(Duration timeout) {
        this.ackTimeout = timeout;
        return this;
    }

    /** How many times an unacknowledged envelope is redelivered (default 3). */
    public FakeSocketMode maxRetries(int retries) {
        this.maxRetries = retries;
        return this;
    }

    /** Delivers an {@code events_api} envelope whose payload is an {@code event_callback} with this event. */
    public String sendEvent(String eventId, Map<String, Object> event) {
        return send("events_api", eventCallback(eventId, event), false);
    }

    /** Delivers an {@code interactive} envelope (block_actions, shortcut, view_submission, …). */
    public String sendInteractive(Map<String, Object> payload) {
        return send("interactive", payload, true);
    }

    /** Delivers a {@code slash_commands} envelope (payload: {@code command}, {@code text}, {@code user_id}, …). */
    public String sendSlashCommand(Map<String, Object> payload) {
        return send("slash_commands", payload, true);
    }

    /** Delivers one envelope to one open connection (or to the next one to open); returns its envelope ID. */
    public String send(String type, Object payload, boolean acceptsResponsePayload) {
        Pending p = new Pending(UUID.randomUUID().toString(), type, payload, acceptsResponsePayload);
        pending.put(p.envelopeId, p);
        dispatch(p);
        return p.envelopeId;
    }

    /**
     * Delivers the same event in a separate envelope to every open connection, as when several instances are
     * connected and Slack's retry lands on another one; returns the envelope IDs.
     */
    public List<String> sendEventToEachConnection(String eventId, Map<String, Object> event) {
        List<String> ids = new ArrayList<>();
        for (WebSocket conn : openSockets()) {
            Pending p = new Pending(UUID.randomUUID().toString(), "events_api", eventCallback(eventId, event), false);
            pending.put(p.envelopeId, p);
            deliver(p, conn);
            ids.add(p.envelopeId);
        }
        return ids;
    }

    /** Sends {@code disconnect} to every open connection, as Slack does before it refreshes a connection. */
    public void sendDisconnect(String reason) {
        String json = JSON.writeValueAsString(Map.of("type", "disconnect", "reason", reason,
                "debug_info", Map.of("host", "fake-socket-mode")));
        for (WebSocket conn : openSockets()) {
            conn.send(json);
            timer.schedule(() -> conn.close(CloseFrame.NORMAL, "refreshed"), 2, TimeUnit.SECONDS);
        }
    }

    /** Closes every connection at once, without a close handshake (a network failure, as the client sees it). */
    public void dropConnections() {
        for (WebSocket conn : openSockets()) {
            conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the test");
        }
    }

    /** The next {@code n} acknowledgements are received but ignored, as if lost; the envelopes are redelivered. */
    public void loseNextAcks(int n) {
        acksToLose.set(n);
    }

    public int openConnections() {
        return openSockets().size();
    }

    /** Connections opened since the start, including closed ones. */
    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** Acknowledgements that were received but ignored ({@link #loseNextAcks}). */
    public List<Ack> lostAcks() {
        return List.copyOf(lostAcks);
    }

    /** The acknowledgements of one envelope. */
    public List<Ack> acksOf(String envelopeId) {
        return acks.stream().filter(a -> a.envelopeId().equals(envelopeId)).toList();
    }

    /** True when the envelope was acknowledged (the acknowledgement was not lost). */
    public boolean acknowledged(String envelopeId) {
        return !acksOf(envelopeId).isEmpty();
    }

    /** Waits until {@code condition} holds; false after {@code timeout}. */
    public static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> eventCallback(String eventId, Map<String, Object> event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("token", "fake-verification-token");
        payload.put("team_id", "T0FAKE");
        payload.put("api_app_id", "A0FAKE");
        payload.put("event", event);
        payload.put("type", "event_callback");
        payload.put("event_id", eventId);
        payload.put("event_time", System.currentTimeMillis() / 1000);
        return payload;
    }

    private List<WebSocket> openSockets() {
        return server.getConnections().stream().filter(c -> c.isOpen() && c.getAttachment() != null)
                .sorted(java.util.Comparator.comparingInt(c -> (Integer) c.getAttachment())).toList();
    }

    private void dispatch(Pending p) {
        List<WebSocket> open = openSockets();
        if (open.isEmpty()) {
            synchronized (waiting) {
                waiting.add(p);
            }
            if (!openSockets().isEmpty()) {
                flushWaitingTo(openSockets().get(0));
            }
            return;
        }
        deliver(p, open.get(Math.floorMod(roundRobin.getAndIncrement(), open.size())));
    }

    private void deliver(Pending p, WebSocket conn) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("envelope_id", p.envelopeId);
        envelope.put("payload", p.payload);
        envelope.put("type", p.type);
        envelope.put("accepts_response_payload", p.acceptsResponsePayload);
        if (p.type.equals("events_api")) {
            envelope.put("retry_attempt", p.attempt);
            envelope.put("retry_reason", p.attempt == 0 ? "" : "timeout");
        }
        int attempt = p.attempt;
        try {
            conn.send(JSON.writeValueAsString(envelope));
        } catch (RuntimeException e) {
            // the socket closed meanwhile: the ack timer redelivers
        }
        deliveries.add(new Delivery(p.envelopeId, p.type, attempt, (Integer) conn.getAttachment()));
        timer.schedule(() -> redeliverIfUnacked(p, attempt), ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void redeliverIfUnacked(Pending p, int attempt) {
        synchronized (p) {
            if (!pending.containsKey(p.envelopeId) || p.attempt != attempt) {
                return;
            }
            if (p.attempt >= maxRetries) {
                pending.remove(p.envelopeId);
                return;
            }
            p.attempt++;
        }
        dispatch(p);
    }

    private void onAck(WebSocket conn, String text) {
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (RuntimeException e) {
            return;
        }
        if (msg == null || !msg.has("envelope_id")) {
            return;
        }
        JsonNode payload = msg.get("payload");
        Ack ack = new Ack(msg.get("envelope_id").asString(), payload == null || payload.isNull() ? null
                : JSON.writeValueAsString(payload), (Integer) conn.getAttachment());
        if (acksToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            lostAcks.add(ack);
            return;
        }
        acks.add(ack);
        pending.remove(ack.envelopeId());
    }

    private void onOpened(WebSocket conn) {
        conn.setAttachment(connectionsOpened.incrementAndGet());
        conn.send(JSON.writeValueAsString(Map.of("type", "hello", "num_connections", openSockets().size(),
                "debug_info", Map.of("host", "fake-socket-mode", "approximate_connection_time", 18060),
                "connection_info", Map.of("app_id", "A0FAKE"))));
        flushWaitingTo(conn);
    }

    private void flushWaitingTo(WebSocket conn) {
        List<Pending> flush;
        synchronized (waiting) {
            flush = new ArrayList<>(waiting);
            waiting.clear();
        }
        flush.forEach(p -> deliver(p, conn));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            onOpened(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            onAck(conn, message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
