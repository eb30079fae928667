package dev.slackmgr.api.channel;

/** What the API knows about one Slack channel (rest-api.md §6.1). */
public record ChannelInfo(String id, String name, boolean exists, boolean archived, boolean botMember,
                          int memberCount) {

    /** A channel Slack answered {@code channel_not_found} for. */
    public static ChannelInfo missing(String id) {
        return new ChannelInfo(id, "", false, false, false, 0);
    }

    /** The name for metric labels and logs, falling back to the ID. */
    public String displayName() {
        return name.isEmpty() ? id : name;
    }
}
