package dev.slackmgr.api.channel;

/** A channel the bot is a member of, as served by {@code GET /channels}. */
public record ChannelSummary(String id, String name) {
}
