package dev.slackmgr.api.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Liveness probe compatible with the Go client's connect check (rest-api.md §4.6). */
@RestController
public class PingController {

    @GetMapping("/ping")
    public ResponseEntity<String> ping(@RequestParam(required = false) String status) {
        int code = 200;
        if (status != null) {
            try {
                int s = Integer.parseInt(status);
                if (s >= 100 && s <= 599) {
                    code = s;
                }
            } catch (NumberFormatException ignored) {
                // not a status: answer 200 as the reference does
            }
        }
        return ResponseEntity.status(code).contentType(MediaType.TEXT_PLAIN).body("pong");
    }
}
