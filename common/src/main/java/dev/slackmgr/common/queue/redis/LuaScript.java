package dev.slackmgr.common.queue.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A Lua script run with {@code EVALSHA}, falling back to {@code EVAL} when the server does not know it yet. */
public final class LuaScript {
    private final String source;
    private final String sha;
    private final ScriptOutputType type;

    public LuaScript(String source, ScriptOutputType type) {
        this.source = source;
        this.type = type;
        try {
            this.sha = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the script synchronously. */
    @SuppressWarnings("unchecked")
    public <T> T run(QueueConnection c, String[] keys, String... args) {
        try {
            return (T) c.sync().evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            return (T) c.sync().eval(source, type, keys, args);
        }
    }

    /** Runs the script asynchronously (pipelined with other asynchronous commands of the connection). */
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> runAsync(QueueConnection c, String[] keys, String... args) {
        RedisFuture<T> first = (RedisFuture<T>) c.async().evalsha(sha, type, keys, args);
        return first.handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof RedisNoScriptException) {
                return ((RedisFuture<T>) c.async().eval(source, type, keys, args)).toCompletableFuture();
            }
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(f -> f);
    }
}
