package dev.slackmgr.common.testing.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A small fake of the Slack Web API served over real HTTP, for tests that run the real Slack SDK.
 *
 * <p>Point the SDK at {@link #apiUrl()} (e.g. {@code SlackConfig.setMethodsEndpointUrlPrefix}). Read-only methods
 * are answered from a {@link FakeWorkspace}, message methods ({@code chat.postMessage}, {@code chat.update},
 * {@code chat.delete}, {@code conversations.history}, {@code conversations.replies}) from {@link #messages()},
 * {@code chat.postEphemeral} and {@code views.open} from {@link #notices()}, {@code apps.connections.open} with
 * the URL of the Socket Mode WebSocket server ({@link #socketMode()});
 * any method can be overridden with {@link #on}. Every call is recorded ({@link #calls}), including the ones
 * rejected by fault injection ({@link #rateLimitNext}, {@link #failNext}, {@link #latency}) or by enforced
 * rate limits ({@link #limitPerMinute}, {@link #limitPerChannelPerSecond}).
 *
 * <p>Request bodies may be {@code application/x-www-form-urlencoded} (what the SDK sends for the chat and
 * conversations methods: blocks and metadata are JSON text in form fields) or JSON (nested values are kept as
 * JSON text, so both arrive the same way).
 */
public final class FakeSlack implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final FakeWorkspace workspace;
    private final Map<String, Function<Map<String, String>, Map<String, Object>>> overrides = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.BiConsumer<Map<String, String>, Map<String, Object>>> observers =
            new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final FakeMessages messages;
    private final FakeNotices notices;
    private volatile FakeSocketMode socketMode;
    private final FakeFaults faults = new FakeFaults();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    /**
     * One recorded API call: the method name, its form parameters and when the request was read
     * ({@link System#nanoTime()}, before any injected latency).
     */
    public record Call(String method, Map<String, String> params, long receivedNanos) {
    }

    public FakeSlack(FakeWorkspace workspace) {
        this(workspace, new InetSocketAddress("127.0.0.1", 0));
    }

    /**
     * A fake Slack whose HTTP server listens on {@code address} (port 0 = any free port), e.g. a fixed port for a
     * runnable emulator.
     *
     * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public FakeSlack(FakeWorkspace workspace, InetSocketAddress address) {
        this.workspace = workspace;
        this.messages = new FakeMessages(workspace);
        this.notices = new FakeNotices(workspace);
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        server.createContext("/api/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-slack");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Base URL of the Web API, ending in {@code /api/}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Serves more paths on the same HTTP server (e.g. a web page showing the workspace); {@code /api/} stays the
     * Web API.
     */
    public void serve(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public FakeWorkspace workspace() {
        return workspace;
    }

    /**
     * Calls {@code observer} with the request and the answer of every call of {@code method}, after the answer
     * took effect (e.g. the message is stored) and before it is sent: a test can stop the client right there.
     */
    public void observe(String method, java.util.function.BiConsumer<Map<String, String>, Map<String, Object>> observer) {
        observers.put(method, observer);
    }

    /** Replaces the answer of one API method (e.g. to inject errors). */
    public void on(String method, Function<Map<String, String>, Map<String, Object>> answer) {
        overrides.put(method, answer);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Number of recorded calls of one method. */
    public long callCount(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).count();
    }

    public void clearCalls() {
        calls.clear();
        tokens.clear();
    }

    /** The token of every recorded call, in call order ({@code Authorization: Bearer} or form field; "" = none). */
    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    /** Messages posted to the fake workspace. */
    public FakeMessages messages() {
        return messages;
    }

    /** Ephemeral messages and opened modals. */
    public FakeNotices notices() {
        return notices;
    }

    /**
     * The Socket Mode WebSocket server, started on first use; {@code apps.connections.open} (with an app-level
     * {@code xapp-} token) answers with its URL.
     */
    public synchronized FakeSocketMode socketMode() {
        if (socketMode == null) {
            socketMode = new FakeSocketMode();
        }
        return socketMode;
    }

    /** The next {@code times} calls of {@code method} get HTTP 429 with {@code Retry-After: retryAfterSeconds}. */
    public void rateLimitNext(String method, int times, long retryAfterSeconds) {
        faults.script(method, times, new FakeFaults.Rejection(429, retryAfterSeconds));
    }

    /** The next {@code times} calls of {@code method} get this HTTP status (e.g. 500, 503) and no JSON body. */
    public void failNext(String method, int times, int httpStatus) {
        faults.script(method, times, new FakeFaults.Rejection(httpStatus, 0));
    }

    /**
     * The next {@code times} calls of {@code method} get no answer: the fake closes the connection, as a dropped
     * socket. With {@code afterTakingEffect} the call is carried out first (e.g. the message is posted) and only
     * the answer is lost, so a client that retries blindly makes the change twice.
     */
    public void dropNext(String method, int times, boolean afterTakingEffect) {
        faults.script(method, times, new FakeFaults.Rejection(
                afterTakingEffect ? FakeFaults.Rejection.DROP_AFTER : FakeFaults.Rejection.DROP_BEFORE, 0));
    }

    /** Number of calls of {@code method} whose connection {@link #dropNext} closed (before or after effect). */
    public int droppedCount(String method) {
        return faults.rejectedCount(method, FakeFaults.Rejection.DROP_BEFORE)
                + faults.rejectedCount(method, FakeFaults.Rejection.DROP_AFTER);
    }

    /** Every answer is delayed by this much (zero to turn off). */
    public void latency(Duration latency) {
        faults.latency(latency);
    }

    /** Enforces at most {@code permits} calls of {@code method} per sliding minute (Slack's tiers), else 429. */
    public void limitPerMinute(String method, int permits) {
        faults.limitPerMinute(method, permits);
    }

    /**
     * Enforces at most {@code permits} calls of {@code method} per channel per sliding second (Slack's
     * {@code chat.postMessage} limit is about 1 per second per channel), else 429.
     */
    public void limitPerChannelPerSecond(String method, int permits) {
        faults.limitPerChannelPerSecond(method, permits);
    }

    /** Number of calls of {@code method} answered with this HTTP status by fault injection or enforced limits. */
    public int rejectedCount(String method, int httpStatus) {
        return faults.rejectedCount(method, httpStatus);
    }

    /** Removes scripted faults, latency and enforced limits. */
    public void clearFaults() {
        faults.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            long received = System.nanoTime();
            String method = ex.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = new LinkedHashMap<>(parseForm(ex.getRequestURI().getRawQuery()));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null && contentType.startsWith("application/json") && !body.isBlank()) {
                JSON.readValue(body, Map.class).forEach((k, v) -> params.put(String.valueOf(k),
                        v instanceof String s ? s : JSON.writeValueAsString(v)));
            } else {
                params.putAll(parseForm(body));
            }
            calls.add(new Call(method, Map.copyOf(params), received));
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.getOrDefault("token", "");
            tokens.add(token);
            Duration delay = faults.latency();
            if (!delay.isZero()) {
                sleep(delay);
            }
            Optional<FakeFaults.Rejection> rejection = faults.check(method, params.getOrDefault("channel", ""));
            if (rejection.isPresent() && rejection.get().status() != FakeFaults.Rejection.DROP_AFTER) {
                if (!rejection.get().drop()) {
                    reject(ex, rejection.get());
                }
                return; // a drop: closing the exchange without a response closes the connection
            }
            var override = overrides.get(method);
            Map<String, Object> answer = override != null ? override.apply(params)
                    : method.equals("apps.connections.open") ? connectionsOpen(token)
                    : FakeMessages.handles(method) ? messages.answer(method, params)
                    : FakeNotices.handles(method) ? notices.answer(method, params)
                    : workspace.answer(method, params);
            var observer = observers.get(method);
            if (observer != null) {
                observer.accept(params, answer);
            }
            if (rejection.isPresent()) {
                return; // dropped after taking effect
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    private Map<String, Object> connectionsOpen(String token) {
        if (!token.startsWith("xapp-")) {
            return error("not_allowed_token_type");
        }
        return ok("url", socketMode().url());
    }

    private static void reject(HttpExchange ex, FakeFaults.Rejection r) throws IOException {
        byte[] bytes;
        if (r.status() == 429) {
            ex.getResponseHeaders().set("Retry-After", String.valueOf(r.retryAfterSeconds()));
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            bytes = JSON.writeValueAsBytes(error("ratelimited"));
        } else {
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            bytes = ("upstream error " + r.status()).getBytes(StandardCharsets.UTF_8);
        }
        ex.sendResponseHeaders(r.status(), bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> parseForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    /** Helper for error answers: {@code {"ok": false, "error": code}}. */
    public static Map<String, Object> error(String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        m.put("error", code);
        return m;
    }

    static Map<String, Object> ok(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static List<Object> list(List<?> items) {
        return new ArrayList<>(items);
    }

    @Override
    public void close() {
        server.stop(0);
        if (socketMode != null) {
            socketMode.close();
        }
    }
}
