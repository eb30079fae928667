package dev.slackmgr.common.queue;

import dev.slackmgr.common.queue.redis.LuaScript;
import io.lettuce.core.ScriptOutputType;

/**
 * The Lua scripts of the queue. Every script touches the keys of one hash slot only: channel scripts the
 * stream and lock of one channel, queue scripts the index and activity zset.
 */
final class QueueScripts {
    private QueueScripts() {
    }

    private static final String IDS = """
            local function parse(id)
              local d = string.find(id, '-', 1, true)
              return tonumber(string.sub(id, 1, d - 1)), tonumber(string.sub(id, d + 1))
            end
            local function lt(a, b)
              local am, as = parse(a)
              local bm, bs = parse(b)
              return am < bm or (am == bm and as < bs)
            end
            local function field(list, name)
              for j = 1, #list, 2 do
                if list[j] == name then return list[j + 1] end
              end
              return nil
            end
            """;

    /**
     * Appends entries to one channel stream. KEYS: stream. ARGV: group, maxLen, channelId, n, n (name, value) pairs
     * of extra fields of every entry (trace context, {@link QueueTracing}), body…
     * Creates the consumer group (id 0) together with a new stream, so a consumer never meets a stream
     * without group. Above maxLen it trims with MINID below every group's oldest pending and
     * last-delivered id: only acknowledged entries are ever removed. Returns {existed (0/1), id…}.
     */
    static final LuaScript SEND = new LuaScript(IDS + """
            local stream = KEYS[1]
            local existed = redis.call('EXISTS', stream)
            local ids = {existed}
            local extra = tonumber(ARGV[4])
            local first = 5 + 2 * extra
            for i = first, #ARGV do
              local entry = {'channel_id', ARGV[3], 'body', ARGV[i]}
              for j = 5, first - 1 do
                entry[#entry + 1] = ARGV[j]
              end
              ids[#ids + 1] = redis.call('XADD', stream, '*', unpack(entry))
            end
            if existed == 0 then
              redis.pcall('XGROUP', 'CREATE', stream, ARGV[1], '0')
            end
            if redis.call('XLEN', stream) > tonumber(ARGV[2]) then
              local floor = nil
              for _, g in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
                local candidate = field(g, 'last-delivered-id')
                local p = redis.call('XPENDING', stream, field(g, 'name'))
                if p[1] > 0 and lt(p[2], candidate) then candidate = p[2] end
                if floor == nil or lt(candidate, floor) then floor = candidate end
              end
              if floor ~= nil then redis.call('XTRIM', stream, 'MINID', '~', floor) end
            end
            return ids
            """, ScriptOutputType.MULTI);

    /** Registers a stream in index and activity zset. KEYS: index, activity. ARGV: stream, nowSeconds. */
    static final LuaScript REGISTER = new LuaScript("""
            redis.call('SADD', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
            return 1
            """, ScriptOutputType.INTEGER);

    /**
     * Takes the channel lock and reads up to COUNT entries, pending first. KEYS: stream, lock.
     * ARGV: token, ttlMs, group, consumer, claimIdleMs, count. Replies:
     * {0} lock busy; {1} nothing to do; {2, waitMs} pending entries not yet claimable; {3} stream gone;
     * {4, entries, deliveries, ids} claimed pending entries; {5, entries} new entries.
     * The lock stays held only for replies 4 and 5. Pending entries are claimed in id order and only as a
     * prefix of idle-enough entries, so a younger entry never overtakes an older one.
     */
    static final LuaScript ACQUIRE = new LuaScript("""
            local stream, lock = KEYS[1], KEYS[2]
            local group, consumer = ARGV[3], ARGV[4]
            local claimIdle, count = tonumber(ARGV[5]), tonumber(ARGV[6])
            if redis.call('EXISTS', stream) == 0 then return {3} end
            if not redis.call('SET', lock, ARGV[1], 'NX', 'PX', ARGV[2]) then return {0} end
            local pend = redis.pcall('XPENDING', stream, group, '-', '+', count)
            if type(pend) == 'table' and pend.err then
              if string.find(pend.err, 'NOGROUP', 1, true) then
                redis.call('XGROUP', 'CREATE', stream, group, '0')
                pend = {}
              else
                redis.call('DEL', lock)
                return redis.error_reply(pend.err)
              end
            end
            if #pend > 0 then
              local ids, deliveries = {}, {}
              for _, p in ipairs(pend) do
                if p[3] < claimIdle then break end
                ids[#ids + 1] = p[1]
                deliveries[#deliveries + 1] = p[4] + 1
              end
              if #ids == 0 then
                redis.call('DEL', lock)
                return {2, claimIdle - pend[1][3]}
              end
              local claimed = redis.call('XCLAIM', stream, group, consumer, claimIdle, unpack(ids))
              return {4, claimed, deliveries, ids}
            end
            local read = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', count, 'STREAMS', stream, '>')
            if not read then
              redis.call('DEL', lock)
              return {1}
            end
            return {5, read[1][2]}
            """, ScriptOutputType.MULTI);

    /**
     * Acknowledges, hands back and releases in one round trip. KEYS: stream, lock.
     * ARGV: token, group, consumer, ackCount, ackIds…, then (id, retryCount, idleMs) triples to hand back: the
     * entry's delivery counter is set to retryCount and its idle time to idleMs, so it becomes claimable once it
     * has been idle for claimMinIdleTime. Returns 1 when the lock was still ours.
     */
    static final LuaScript RELEASE = new LuaScript("""
            local n = tonumber(ARGV[4])
            if n > 0 then redis.call('XACK', KEYS[1], ARGV[2], unpack(ARGV, 5, 4 + n)) end
            local i = 5 + n
            while i + 2 <= #ARGV do
              redis.call('XCLAIM', KEYS[1], ARGV[2], ARGV[3], 0, ARGV[i], 'IDLE', ARGV[i + 2], 'RETRYCOUNT', ARGV[i + 1], 'JUSTID')
              i = i + 3
            end
            if redis.call('GET', KEYS[2]) == ARGV[1] then
              redis.call('DEL', KEYS[2])
              return 1
            end
            return 0
            """, ScriptOutputType.INTEGER);

    /** Extends a lock if it still holds our token. KEYS: lock. ARGV: token, ttlMs. */
    static final LuaScript EXTEND = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """, ScriptOutputType.INTEGER);

    /**
     * Deletes a stale stream if nothing was added since the cutoff, no lock is held, and every entry was
     * delivered and acknowledged in every group. KEYS: stream, lock. ARGV: cutoffMs.
     * Returns 1 when the stream is gone.
     */
    static final LuaScript DELETE_STALE_STREAM = new LuaScript(IDS + """
            if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
            local info = redis.pcall('XINFO', 'STREAM', KEYS[1])
            if type(info) == 'table' and info.err then return 1 end
            local last = field(info, 'last-generated-id')
            local ms = parse(last)
            if ms > tonumber(ARGV[1]) then return 0 end
            local groups = redis.call('XINFO', 'GROUPS', KEYS[1])
            if #groups == 0 and field(info, 'length') > 0 then return 0 end
            for _, g in ipairs(groups) do
              if field(g, 'pending') > 0 then return 0 end
              if lt(field(g, 'last-delivered-id'), last) then return 0 end
            end
            redis.call('DEL', KEYS[1])
            return 1
            """, ScriptOutputType.INTEGER);

    /**
     * Removes a stream from index and activity zset unless a send registered it after the cutoff.
     * KEYS: index, activity. ARGV: stream, cutoffSeconds.
     */
    static final LuaScript UNREGISTER_STALE = new LuaScript("""
            local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
            if score and tonumber(score) > tonumber(ARGV[2]) then return 0 end
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('SREM', KEYS[1], ARGV[1])
            return 1
            """, ScriptOutputType.INTEGER);

    /**
     * Removes consumers without pending entries that were idle at least minIdleMs, never the caller itself.
     * Atomic, so a consumer that just read an entry is never removed (which would drop its pending entry).
     * KEYS: stream. ARGV: group, minIdleMs, self. Returns the number removed.
     */
    static final LuaScript PRUNE_CONSUMERS = new LuaScript(IDS + """
            local consumers = redis.pcall('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])
            if type(consumers) == 'table' and consumers.err then return 0 end
            local removed = 0
            for _, c in ipairs(consumers) do
              local name = field(c, 'name')
              if name ~= ARGV[3] and field(c, 'pending') == 0 and field(c, 'idle') >= tonumber(ARGV[2]) then
                redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], name)
                removed = removed + 1
              end
            end
            return removed
            """, ScriptOutputType.INTEGER);

    /**
     * Depth figures of one stream for one group. KEYS: stream. ARGV: group, cap.
     * Returns {pending, oldestPendingId or '', undelivered (capped)}.
     */
    static final LuaScript STATS = new LuaScript(IDS + """
            local groups = redis.pcall('XINFO', 'GROUPS', KEYS[1])
            if type(groups) == 'table' and groups.err then return {0, '', 0} end
            for _, g in ipairs(groups) do
              if field(g, 'name') == ARGV[1] then
                local pending = field(g, 'pending')
                local lag = field(g, 'lag')
                if type(lag) ~= 'number' then
                  lag = #redis.call('XRANGE', KEYS[1], '(' .. field(g, 'last-delivered-id'), '+', 'COUNT', ARGV[2])
                end
                local oldest = ''
                if pending > 0 then oldest = redis.call('XPENDING', KEYS[1], ARGV[1])[2] end
                return {pending, oldest, lag}
              end
            end
            return {0, '', redis.call('XLEN', KEYS[1])}
            """, ScriptOutputType.MULTI);
}
