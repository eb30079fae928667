package dev.slackmgr.api.web;

import dev.slackmgr.api.channel.SlackChannelDirectory;
import dev.slackmgr.common.gojson.GoJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /channels}: the channels the bot is a member of, sorted by name (rest-api.md §4.5). */
@RestController
public class ChannelsController {
    private final SlackChannelDirectory directory;

    public ChannelsController(SlackChannelDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/channels")
    public ResponseEntity<String> channels() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(GoJson.marshalIndent(directory.botChannels(), "    "));
    }
}
