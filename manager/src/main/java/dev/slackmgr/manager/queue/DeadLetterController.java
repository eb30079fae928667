package dev.slackmgr.manager.queue;

import dev.slackmgr.common.queue.QueueConsumer;
import dev.slackmgr.common.queue.deadletter.DeadLetter;
import dev.slackmgr.common.queue.deadletter.DeadLetters;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Admin view of the dead-letter streams: {@code GET /admin/dead-letters?queue=alerts&limit=50} lists newest first,
 * {@code POST /admin/dead-letters/{queue}/{id}/replay} re-enqueues the original body and deletes the dead letter.
 */
@RestController
@RequestMapping("/admin/dead-letters")
@ConditionalOnProperty(name = "slackmgr.queue.enabled", havingValue = "true", matchIfMissing = true)
public class DeadLetterController {
    private static final int MAX_LIMIT = 1000;

    private final Map<String, DeadLetters> byQueue;

    public DeadLetterController(List<QueueConsumer> consumers) {
        this.byQueue = consumers.stream().map(QueueConsumer::deadLetters)
                .collect(Collectors.toUnmodifiableMap(DeadLetters::queue, Function.identity()));
    }

    @GetMapping
    public ResponseEntity<?> list(@RequestParam(defaultValue = "alerts") String queue,
                                  @RequestParam(defaultValue = "50") int limit) {
        DeadLetters d = byQueue.get(queue);
        if (d == null) {
            return error(HttpStatus.NOT_FOUND, "unknown queue: " + queue);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return error(HttpStatus.BAD_REQUEST, "limit must be 1.." + MAX_LIMIT);
        }
        List<DeadLetter> list = d.list(limit);
        return ResponseEntity.ok(list);
    }

    @PostMapping("/{queue}/{id}/replay")
    public ResponseEntity<?> replay(@PathVariable String queue, @PathVariable String id) {
        DeadLetters d = byQueue.get(queue);
        if (d == null) {
            return error(HttpStatus.NOT_FOUND, "unknown queue: " + queue);
        }
        if (!id.matches("\\d{1,20}-\\d{1,20}")) {
            return error(HttpStatus.BAD_REQUEST, "not a stream entry id: " + id);
        }
        Optional<String> newId;
        try {
            newId = d.replay(id);
        } catch (IllegalStateException e) {
            return error(HttpStatus.CONFLICT, e.getMessage());
        }
        return newId.<ResponseEntity<?>>map(n -> ResponseEntity.ok(Map.of("replayedAs", n)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no dead letter " + id + " in queue " + queue));
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
