package dev.slackmgr.api.web;

import dev.slackmgr.api.channel.ChannelSummary;
import dev.slackmgr.api.channel.SlackChannelDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /channels}: the channels the bot is a member of, sorted by name (rest-api.md §4.5). */
@RestController
public class ChannelsController {
    private final SlackChannelDirectory directory;

    public ChannelsController(SlackChannelDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/channels")
    public List<ChannelSummary> channels() {
        return directory.botChannels();
    }
}
