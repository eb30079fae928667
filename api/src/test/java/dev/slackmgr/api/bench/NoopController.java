package dev.slackmgr.api.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark baseline: a Spring MVC endpoint that reads the body and answers 202 without doing anything,
 * in the same JVM configuration as the real endpoint. Only present when {@code slackmgr.bench.noop=true}.
 */
@RestController
@ConditionalOnProperty(name = "slackmgr.bench.noop", havingValue = "true")
public class NoopController {

    @PostMapping("/bench/noop")
    public ResponseEntity<Void> noop(@RequestBody byte[] body) {
        return ResponseEntity.accepted().build();
    }
}
