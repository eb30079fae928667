package dev.slackmgr.api.web;

import dev.slackmgr.api.routing.MappingsJson;
import dev.slackmgr.api.settings.SettingsFile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /mappings}: the routing rules in force, normalised, pretty-printed (rest-api.md §4.4). */
@RestController
public class MappingsController {
    private final SettingsFile settings;

    public MappingsController(SettingsFile settings) {
        this.settings = settings;
    }

    @GetMapping("/mappings")
    public ResponseEntity<String> mappings() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(MappingsJson.render(settings.current().routingRules()));
    }
}
