package dev.slackmgr.common.queue.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link QueueConnection}s for a standalone Redis (URL), a Sentinel-managed master or a Redis Cluster.
 * The Spring apps feed it from {@code spring.data.redis.*}. Connections reconnect automatically; while
 * disconnected, commands fail fast instead of queueing (so the API can answer 503 at once).
 */
public final class RedisConnector implements AutoCloseable {
    /** Where Redis is. */
    public sealed interface Target permits Standalone, Sentinel, Cluster {
    }

    /** A single endpoint, e.g. {@code redis://:secret@localhost:6379/0} or {@code rediss://…}. */
    public record Standalone(String url) implements Target {
        public Standalone {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Sentinel: master name and sentinel nodes ({@code host:port}). */
    public record Sentinel(String master, List<String> nodes, String username, String password, int database)
            implements Target {
        public Sentinel {
            Objects.requireNonNull(master, "master");
            nodes = List.copyOf(nodes);
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("sentinel nodes must not be empty");
            }
        }
    }

    /** Cluster: seed nodes ({@code host:port}). */
    public record Cluster(List<String> nodes, String username, String password) implements Target {
        public Cluster {
            nodes = List.copyOf(nodes);
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("cluster nodes must not be empty");
            }
        }
    }

    private final Target target;
    private final Duration timeout;
    private final RedisClient client;
    private final RedisClusterClient clusterClient;

    /**
     * @param target  where Redis is
     * @param timeout default command and connect timeout
     */
    public RedisConnector(Target target, Duration timeout) {
        this.target = Objects.requireNonNull(target, "target");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        SocketOptions socket = SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build();
        if (target instanceof Cluster c) {
            List<RedisURI> seeds = new ArrayList<>();
            for (String node : c.nodes()) {
                seeds.add(withAuth(RedisURI.create("redis://" + node), c.username(), c.password()));
            }
            this.client = null;
            this.clusterClient = RedisClusterClient.create(seeds);
            clusterClient.setOptions(ClusterClientOptions.builder()
                    .socketOptions(socket)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers().build())
                    .build());
        } else {
            this.clusterClient = null;
            this.client = RedisClient.create(uri());
            client.setOptions(ClientOptions.builder()
                    .socketOptions(socket)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .build());
        }
    }

    /**
     * The target described by Spring's standard {@code spring.data.redis.*} properties: cluster nodes if any,
     * else a sentinel master if named, else the URL. Node lists are comma-separated {@code host:port}.
     */
    public static Target targetFrom(String url, String clusterNodes, String sentinelMaster, String sentinelNodes,
                                    String username, String password, int database) {
        if (clusterNodes != null && !clusterNodes.isBlank()) {
            return new Cluster(splitNodes(clusterNodes), username, password);
        }
        if (sentinelMaster != null && !sentinelMaster.isBlank()) {
            return new Sentinel(sentinelMaster, splitNodes(sentinelNodes), username, password, database);
        }
        return new Standalone(url);
    }

    /**
     * The target described by Spring's standard {@code spring.data.redis.*} properties, read through
     * {@code property} (e.g. {@code Environment::getProperty}; {@code null} = not set). Default URL
     * {@code redis://localhost:6379}.
     */
    public static Target targetFrom(java.util.function.UnaryOperator<String> property) {
        String url = property.apply("spring.data.redis.url");
        String database = property.apply("spring.data.redis.database");
        return targetFrom(url == null || url.isBlank() ? "redis://localhost:6379" : url,
                property.apply("spring.data.redis.cluster.nodes"), property.apply("spring.data.redis.sentinel.master"),
                property.apply("spring.data.redis.sentinel.nodes"), property.apply("spring.data.redis.username"),
                property.apply("spring.data.redis.password"),
                database == null || database.isBlank() ? 0 : Integer.parseInt(database.trim()));
    }

    private static List<String> splitNodes(String nodes) {
        return nodes == null ? List.of()
                : java.util.Arrays.stream(nodes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A connector for a standalone URL with a 5-second timeout. */
    public static RedisConnector standalone(String url) {
        return new RedisConnector(new Standalone(url), Duration.ofSeconds(5));
    }

    public boolean isCluster() {
        return clusterClient != null;
    }

    /** Opens a new connection; the caller closes it. */
    public QueueConnection connect() {
        if (clusterClient != null) {
            StatefulRedisClusterConnection<String, String> c = clusterClient.connect();
            c.setTimeout(timeout);
            return new QueueConnection(c, c.sync(), c.async());
        }
        StatefulRedisConnection<String, String> c = client.connect();
        c.setTimeout(timeout);
        return new QueueConnection(c, c.sync(), c.async());
    }

    private RedisURI uri() {
        if (target instanceof Standalone s) {
            RedisURI uri = RedisURI.create(s.url());
            uri.setTimeout(timeout);
            return uri;
        }
        Sentinel s = (Sentinel) target;
        RedisURI.Builder b = null;
        for (String node : s.nodes()) {
            HostPort hp = HostPort.parse(node);
            b = b == null ? RedisURI.Builder.sentinel(hp.host(), hp.port(), s.master()) : b.withSentinel(hp.host(), hp.port());
        }
        RedisURI uri = b.withDatabase(s.database()).withTimeout(timeout).build();
        return withAuth(uri, s.username(), s.password());
    }

    private static RedisURI withAuth(RedisURI uri, String username, String password) {
        if (password == null || password.isEmpty()) {
            return uri;
        }
        String user = username == null || username.isEmpty() ? null : username;
        uri.setCredentialsProvider(RedisCredentialsProvider.from(() -> RedisCredentials.just(user, password)));
        return uri;
    }

    private record HostPort(String host, int port) {
        static HostPort parse(String node) {
            String n = node.trim();
            int colon = n.lastIndexOf(':');
            if (colon < 0) {
                return new HostPort(n, 26379);
            }
            return new HostPort(n.substring(0, colon), Integer.parseInt(n.substring(colon + 1)));
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.shutdown();
        }
        if (clusterClient != null) {
            clusterClient.shutdown();
        }
    }
}
