package dev.slackmgr.common.testing;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A real Redis for tests, shared by every test of one JVM.
 *
 * <p>If {@code SLACKMGR_TEST_REDIS_URL} is set (e.g. {@code redis://127.0.0.1:6379}) that server is used;
 * otherwise an embedded {@code redis-server} (com.github.codemonstur:embedded-redis, Redis 6.2) is started
 * on a free port and stopped when the JVM exits.
 */
public final class TestRedis {
    private static String url;
    private static RedisServer server;
    private static int port;

    private TestRedis() {
    }

    /** The Redis URL, starting the embedded server on first use. */
    public static synchronized String url() {
        if (url != null) {
            return url;
        }
        String external = System.getenv("SLACKMGR_TEST_REDIS_URL");
        if (external != null && !external.isBlank()) {
            url = external.trim();
            return url;
        }
        port = freePort();
        start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stop));
        url = "redis://127.0.0.1:" + port;
        return url;
    }

    /** True when the tests run against the embedded server (so they may stop and restart it). */
    public static synchronized boolean isEmbedded() {
        url();
        return server != null;
    }

    /** Stops the embedded server (to test outages); {@link #restart()} brings it back on the same port. */
    public static synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    /** Starts the embedded server again on the same port. */
    public static synchronized void restart() {
        if (server == null && port != 0) {
            start();
        }
    }

    private static void start() {
        try {
            server = RedisServer.newRedisServer()
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded redis on port " + port, e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
