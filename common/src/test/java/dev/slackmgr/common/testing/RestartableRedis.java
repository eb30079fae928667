package dev.slackmgr.common.testing;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded Redis on a free port of its own that an outage test can stop and start again on the same port with its
 * data (append-only file, fsync on every write), as a real Redis comes back after a restart.
 */
public final class RestartableRedis implements AutoCloseable {
    private final int port;
    private final Path dir;
    private RedisServer server;

    public RestartableRedis() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        dir = Files.createTempDirectory("slackmgr-restartable-redis");
        start();
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server (clients see connection failures). */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Starts it again on the same port with the same data. */
    public synchronized void start() throws IOException {
        if (server == null) {
            server = RedisServer.newRedisServer().port(port)
                    .setting("bind 127.0.0.1")
                    .setting("dir " + dir)
                    .setting("save \"\"")
                    .setting("appendonly yes")
                    .setting("appendfsync always")
                    .build();
            server.start();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
