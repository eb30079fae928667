package dev.slackmgr.common.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class QueueIndependenceTest extends QueueTestSupport {

    @Test
    void alertsAndCommandsQueuesAreIndependent() throws Exception {
        CountDownLatch releaseAlerts = new CountDownLatch(1);
        List<String> alerts = Collections.synchronizedList(new ArrayList<>());
        List<String> commands = Collections.synchronizedList(new ArrayList<>());
        consumer(QueueKeys.ALERTS, options, m -> {
            releaseAlerts.await(10, TimeUnit.SECONDS);
            alerts.add(m.queue() + ":" + m.body());
        });
        consumer(QueueKeys.COMMANDS, options, m -> commands.add(m.queue() + ":" + m.body()));

        producer(QueueKeys.ALERTS).send("C1", List.of("a1", "a2"));
        producer(QueueKeys.COMMANDS).send("C1", List.of("c1", "c2"));

        // the alerts handler of C1 is blocked; the commands of C1 still flow
        await(Duration.ofSeconds(5), () -> commands.size() == 2, "commands");
        assertThat(alerts).isEmpty();
        releaseAlerts.countDown();
        await(Duration.ofSeconds(5), () -> alerts.size() == 2, "alerts");
        assertThat(alerts).containsExactly("alerts:a1", "alerts:a2");
        assertThat(commands).containsExactly("commands:c1", "commands:c2");
        assertThat(options.keys(QueueKeys.ALERTS).stream("C1")).isNotEqualTo(options.keys(QueueKeys.COMMANDS).stream("C1"));
    }
}
