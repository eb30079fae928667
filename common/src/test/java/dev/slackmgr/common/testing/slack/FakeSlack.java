package dev.slackmgr.common.testing.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A small fake of the Slack Web API served over real HTTP, for tests that run the real Slack SDK.
 *
 * <p>Point the SDK at {@link #apiUrl()} (e.g. {@code SlackConfig.setMethodsEndpointUrlPrefix}). Methods are
 * answered from a {@link FakeWorkspace}; any method can be overridden with {@link #on}. Every call is
 * recorded ({@link #calls}).
 */
public final class FakeSlack implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final FakeWorkspace workspace;
    private final Map<String, Function<Map<String, String>, Map<String, Object>>> overrides = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** One recorded API call: the method name and its form parameters. */
    public record Call(String method, Map<String, String> params) {
    }

    public FakeSlack(FakeWorkspace workspace) {
        this.workspace = workspace;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    public FakeWorkspace workspace() {
        return workspace;
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
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = new LinkedHashMap<>(parseForm(ex.getRequestURI().getRawQuery()));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null && contentType.startsWith("application/json") && !body.isBlank()) {
                JSON.readValue(body, Map.class).forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
            } else {
                params.putAll(parseForm(body));
            }
            calls.add(new Call(method, Map.copyOf(params)));
            var override = overrides.get(method);
            Map<String, Object> answer = override != null ? override.apply(params) : workspace.answer(method, params);
            byte[] bytes = JSON.writeValueAsBytes(answer);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
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
    }
}
