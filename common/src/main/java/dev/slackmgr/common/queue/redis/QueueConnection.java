package dev.slackmgr.common.queue.redis;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;

/**
 * One Lettuce connection to a standalone/Sentinel master or a Redis Cluster, seen through the command
 * interfaces both kinds share ({@link RedisClusterCommands}, {@link RedisClusterAsyncCommands}). Thread-safe;
 * commands of several threads are pipelined on it.
 */
public final class QueueConnection implements AutoCloseable {
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> sync;
    private final RedisClusterAsyncCommands<String, String> async;

    public QueueConnection(StatefulConnection<String, String> connection, RedisClusterCommands<String, String> sync,
                           RedisClusterAsyncCommands<String, String> async) {
        this.connection = connection;
        this.sync = sync;
        this.async = async;
    }

    public RedisClusterCommands<String, String> sync() {
        return sync;
    }

    public RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    /** Sets the command timeout (must exceed any {@code BLOCK} time used on this connection). */
    public void setTimeout(Duration timeout) {
        connection.setTimeout(timeout);
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        connection.close();
    }
}
